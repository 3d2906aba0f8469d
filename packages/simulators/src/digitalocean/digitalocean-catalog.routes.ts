import type { CloudCall, CloudRoute } from "../cloud/cloud-simulator.server.ts";
import type { Reply } from "../shared/reply.ts";
import type { DigitalOceanContext } from "./digitalocean-api.routes.ts";
import { doJson, errorReply, UNAUTHORIZED, unprocessable } from "./digitalocean.errors.ts";
import { DO_IMAGES, DO_REGIONS, DO_SIZES, DO_SSH_KEYS } from "./digitalocean.inventory.ts";
import { paginate } from "./digitalocean.pagination.ts";

/**
 * What the account can create with, as integrations read it before their first create: regions,
 * sizes, images and the account's SSH keys, each a paged list (`links.pages`, `meta.total`).
 */
export function digitalOceanCatalogRoutes(context: DigitalOceanContext): CloudRoute[] {
  const list =
    (key: string, items: (call: CloudCall) => readonly unknown[] | Reply) =>
    (call: CloudCall): Reply => {
      if (call.headers.authorization !== `Bearer ${context.token}`) return errorReply(UNAUTHORIZED);
      const all = items(call);
      if (!Array.isArray(all)) return all as Reply;
      const page = paginate(all, call.url, context.baseUrl);
      return doJson(200, { [key]: page.items, links: page.links, meta: page.meta });
    };

  return [
    { method: "GET", path: /^\/v2\/regions$/, handle: list("regions", () => DO_REGIONS) },
    { method: "GET", path: /^\/v2\/sizes$/, handle: list("sizes", () => DO_SIZES) },
    {
      method: "GET",
      path: /^\/v2\/images$/,
      handle: list("images", ({ url }) => {
        const type = url.searchParams.get("type");
        if (type !== null && type !== "distribution" && type !== "application")
          return errorReply(unprocessable("type must be application or distribution"));
        // Every simulated image is a public distribution image, untagged: the other filters find none.
        const none = type === "application" || url.searchParams.get("private") === "true";
        return none || url.searchParams.has("tag_name") ? [] : DO_IMAGES;
      }),
    },
    { method: "GET", path: /^\/v2\/account\/keys$/, handle: list("ssh_keys", () => DO_SSH_KEYS) },
  ];
}
