import type { CloudCall, CloudRoute } from "../cloud/cloud-simulator.server.ts";
import { jsonReply, type Reply } from "../shared/reply.ts";
import { authenticated, parseId, type HetznerContext } from "./hetzner.context.ts";
import { invalidInput } from "./hetzner.errors.ts";
import {
  HETZNER_IMAGES,
  HETZNER_LOCATIONS,
  HETZNER_SERVER_TYPES,
  HETZNER_SSH_KEYS,
  imageJson,
  serverTypeJson,
} from "./hetzner.inventory.ts";
import type { HetznerActionRecord } from "./hetzner.project.ts";
import { actionJson, paginate } from "./hetzner.wire.ts";

const DEFAULT_PER_PAGE = 25;
const MAX_PER_PAGE = 50;
const IMAGE_TYPES = ["system", "app", "snapshot", "backup"];

/**
 * What a project can create servers from, as integrations read it before their first create:
 * server types, locations, images and SSH keys (paged, `meta.pagination` and `Link`), and
 * `GET /actions?id=…`, the only way left to read several actions at once.
 */
export function hetznerCatalogRoutes(context: HetznerContext): CloudRoute[] {
  /** A paged list under `key` of what `select` picks by the query's filters, or its refusal. */
  const list = (path: RegExp, key: string, select: (query: URLSearchParams) => readonly object[] | Reply) =>
    authenticated(context, {
      method: "GET",
      path,
      handle: (call: CloudCall) => {
        const query = call.url.searchParams;
        const page = positiveInteger(query.get("page"), 1);
        const perPage = positiveInteger(query.get("per_page"), DEFAULT_PER_PAGE);
        if (page === null) return invalidInput("page", "must be a positive integer");
        if (perPage === null) return invalidInput("per_page", "must be a positive integer");
        const selected = select(query);
        if (!Array.isArray(selected)) return selected as Reply;
        const { items, meta, link } = paginate(
          selected,
          { page, perPage: Math.min(perPage, MAX_PER_PAGE) },
          call.url,
          context.origin(call),
        );
        const reply = jsonReply(200, { [key]: items, meta });
        return link ? { ...reply, headers: { ...reply.headers, link } } : reply;
      },
    });
  const named = <T extends { readonly name: string }>(items: readonly T[], query: URLSearchParams) => {
    const name = query.get("name");
    return name === null ? items : items.filter((item) => item.name === name);
  };

  return [
    list(/^\/v1\/server_types$/, "server_types", (query) =>
      named(HETZNER_SERVER_TYPES, query).map(serverTypeJson),
    ),
    list(/^\/v1\/locations$/, "locations", (query) => named(HETZNER_LOCATIONS, query)),
    list(/^\/v1\/images$/, "images", (query) => {
      const types = query.getAll("type");
      const unknown = types.find((type) => !IMAGE_TYPES.includes(type));
      if (unknown !== undefined) return invalidInput("type", `unknown image type '${unknown}'`);
      // Every simulated image is a system image.
      if (types.length > 0 && !types.includes("system")) return [];
      return named(HETZNER_IMAGES, query).map(imageJson);
    }),
    list(/^\/v1\/ssh_keys$/, "ssh_keys", (query) => {
      const fingerprint = query.get("fingerprint");
      return named(HETZNER_SSH_KEYS, query).filter(
        (key) => fingerprint === null || key.fingerprint === fingerprint,
      );
    }),
    authenticated(context, {
      method: "GET",
      path: /^\/v1\/actions$/,
      handle: (call) => {
        const ids = call.url.searchParams.getAll("id");
        // Listing every action of a project was removed from the API: ids are required.
        if (ids.length === 0) return invalidInput("id", "is required");
        const actions: HetznerActionRecord[] = [];
        for (const text of ids) {
          const id = parseId(text);
          if (id === null) return invalidInput("id", `'${text}' is not an action id`);
          const action = context.project.action(id);
          if (action) actions.push(action);
        }
        return jsonReply(200, { actions: actions.map(actionJson) });
      },
    }),
  ];
}

function positiveInteger(text: string | null, fallback: number): number | null {
  if (text === null) return fallback;
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
}
