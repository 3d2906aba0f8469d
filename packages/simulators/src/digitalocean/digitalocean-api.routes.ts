import type { CloudCall, CloudRoute } from "../cloud/cloud-simulator.server.ts";
import type { Reply } from "../shared/reply.ts";
import type { DigitalOceanAccount, DoAction, DropletActionRequest } from "./digitalocean.account.ts";
import {
  doError,
  doJson,
  errorReply,
  isDoError,
  NOT_FOUND,
  UNAUTHORIZED,
  unprocessable,
  type DoError,
} from "./digitalocean.errors.ts";
import { DO_REGIONS, DO_SSH_KEYS } from "./digitalocean.inventory.ts";
import { paginate } from "./digitalocean.pagination.ts";

export interface DigitalOceanContext {
  readonly account: DigitalOceanAccount;
  readonly token: string;
  /** The simulator's own base URL, for `links` (known once it listens). */
  baseUrl: string;
}

const NAME = /^[a-zA-Z0-9]?[a-z0-9A-Z.-]*[a-z0-9A-Z]$/;
const TAG = /^[a-zA-Z0-9_:-]{1,255}$/;
const MAX_USER_DATA_BYTES = 64 * 1024;
const SIMPLE_ACTIONS = new Set(["power_on", "power_off", "shutdown", "reboot", "power_cycle"]);

/** Droplets and actions of the DigitalOcean v2 API (spec-subsets/digitalocean.json). */
export function digitalOceanApiRoutes(context: DigitalOceanContext): CloudRoute[] {
  const { account } = context;
  const authed =
    (handle: (call: CloudCall) => Reply) =>
    (call: CloudCall): Reply =>
      call.headers.authorization === `Bearer ${context.token}` ? handle(call) : errorReply(UNAUTHORIZED);

  return [
    {
      method: "GET",
      path: /^\/v2\/droplets$/,
      handle: authed(({ url }) => {
        const tag = url.searchParams.get("tag_name");
        const name = url.searchParams.get("name");
        if (tag !== null && (name !== null || url.searchParams.has("type")))
          return errorReply(unprocessable("tag_name cannot be combined with name or type"));
        const matching = account
          .droplets()
          .filter((d) => (tag === null || d.tags.includes(tag)) && (name === null || sameName(d.name, name)));
        const page = paginate(matching, url, context.baseUrl);
        return doJson(200, { droplets: page.items, links: page.links, meta: page.meta });
      }),
    },
    {
      method: "POST",
      path: /^\/v2\/droplets$/,
      creates: true,
      handle: authed(({ body }) => {
        const spec = readCreate(account, body);
        if (isDoError(spec)) return errorReply(spec);
        const { droplet, action } = account.create(spec);
        return doJson(202, { droplet, links: { actions: [actionLink(context, action, "create")] } });
      }),
    },
    {
      method: "GET",
      path: /^\/v2\/droplets\/(\d+)$/,
      handle: authed(({ params }) => {
        const droplet = account.droplet(Number(params[0]));
        return droplet ? doJson(200, { droplet }) : errorReply(NOT_FOUND);
      }),
    },
    {
      method: "DELETE",
      path: /^\/v2\/droplets\/(\d+)$/,
      handle: authed(({ params }) =>
        account.destroy(Number(params[0]))
          ? { status: 204, headers: { "content-type": "application/json; charset=utf-8" }, body: "" }
          : errorReply(NOT_FOUND),
      ),
    },
    {
      method: "POST",
      path: /^\/v2\/droplets\/(\d+)\/actions$/,
      handle: authed(({ params, body }) => {
        const request = readAction(account, body);
        if (isDoError(request)) return errorReply(request);
        const action = account.act(Number(params[0]), request);
        return isDoError(action) ? errorReply(action) : doJson(201, { action });
      }),
    },
    {
      method: "GET",
      path: /^\/v2\/droplets\/(\d+)\/actions\/(\d+)$/,
      handle: authed(({ params }) => {
        const action = account.action(Number(params[1]));
        return action && action.resource_id === Number(params[0])
          ? doJson(200, { action })
          : errorReply(NOT_FOUND);
      }),
    },
    {
      method: "GET",
      path: /^\/v2\/actions\/(\d+)$/,
      handle: authed(({ params }) => {
        const action = account.action(Number(params[0]));
        return action ? doJson(200, { action }) : errorReply(NOT_FOUND);
      }),
    },
  ];
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function actionLink(context: DigitalOceanContext, action: DoAction, rel: string) {
  return { id: action.id, rel, href: `${context.baseUrl}/v2/actions/${action.id}` };
}

function parseObject(body: string): Record<string, unknown> | DoError {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // answered below, as the API does for a body it cannot read
  }
  return doError(400, "bad_request", "unable to parse the request body as a JSON object");
}

function readCreate(account: DigitalOceanAccount, body: string) {
  const input = parseObject(body);
  if (isDoError(input)) return input;
  if (input.names !== undefined)
    return unprocessable("this simulator creates one Droplet at a time: send name, not names");
  const { name, size, image, region, tags, user_data: userData, ipv6, ssh_keys: sshKeys } = input;
  if (typeof name !== "string" || name.length === 0) return unprocessable("Name is required.");
  if (name.length > 255 || !NAME.test(name))
    return unprocessable("Only valid hostname characters are allowed. (a-z, A-Z, 0-9, . and -)");
  const chosenSize = typeof size === "string" ? account.size(size) : undefined;
  if (!chosenSize) return unprocessable("You specified an invalid size for Droplet creation.");
  const chosenImage =
    typeof image === "string" || typeof image === "number" ? account.image(image) : undefined;
  if (!chosenImage) return unprocessable("You specified an invalid image for Droplet creation.");
  const chosenRegion = region === undefined ? account.region("nyc3") : regionFor(account, region);
  if (!chosenRegion) return unprocessable("You specified an invalid region for Droplet creation.");
  if (!chosenRegion.sizes.includes(chosenSize.slug))
    return unprocessable("Size is not available in this region.");
  if (
    tags !== undefined &&
    tags !== null &&
    !(Array.isArray(tags) && tags.every((t) => typeof t === "string"))
  )
    return unprocessable("tags must be an array of strings");
  const tagList = (tags ?? []) as string[];
  const badTag = tagList.find((t) => !TAG.test(t));
  if (badTag !== undefined)
    return unprocessable(
      `invalid tag name ${JSON.stringify(badTag)}: use letters, numbers, colons, dashes and underscores`,
    );
  if (userData !== undefined && typeof userData !== "string")
    return unprocessable("user_data must be a string");
  if (userData !== undefined && Buffer.byteLength(userData) > MAX_USER_DATA_BYTES)
    return unprocessable("user_data is limited to 64 KiB");
  if (ipv6 !== undefined && typeof ipv6 !== "boolean") return unprocessable("ipv6 must be a boolean");
  const keyProblem = checkSshKeys(sshKeys);
  if (keyProblem) return keyProblem;
  return {
    name,
    region: chosenRegion,
    size: chosenSize,
    image: chosenImage,
    tags: tagList,
    ipv6: ipv6 === true,
    userData: userData ?? "",
  };
}

/** Each SSH key must be one of the account's, by id or fingerprint, as the API requires. */
function checkSshKeys(keys: unknown): DoError | undefined {
  if (keys === undefined || keys === null) return undefined;
  if (!Array.isArray(keys)) return unprocessable("ssh_keys must be an array of key ids or fingerprints");
  const unknown = keys.find(
    (key) => !DO_SSH_KEYS.some((known) => known.id === key || known.fingerprint === key),
  );
  return unknown === undefined
    ? undefined
    : unprocessable(`ssh_keys: ${JSON.stringify(unknown)} is not an SSH key of this account`);
}

/** A region may be given by a prefix (`nyc`): the API then picks a datacenter in it. */
function regionFor(account: DigitalOceanAccount, region: unknown) {
  if (typeof region !== "string") return undefined;
  if (/^[a-z]+$/.test(region)) return DO_REGIONS.find((r) => r.slug.startsWith(region));
  return account.region(region);
}

function readAction(account: DigitalOceanAccount, body: string): DropletActionRequest | DoError {
  const input = parseObject(body);
  if (isDoError(input)) return input;
  const { type } = input;
  if (typeof type === "string" && SIMPLE_ACTIONS.has(type)) return { type } as DropletActionRequest;
  if (type === "rebuild") {
    const image =
      typeof input.image === "string" || typeof input.image === "number"
        ? account.image(input.image)
        : undefined;
    return image ? { type, image } : unprocessable("You specified an invalid image for Droplet rebuild.");
  }
  if (type === "resize") {
    const size = typeof input.size === "string" ? account.size(input.size) : undefined;
    if (!size) return unprocessable("You specified an invalid size for Droplet resize.");
    if (input.disk !== undefined && typeof input.disk !== "boolean")
      return unprocessable("disk must be a boolean");
    return { type, size, disk: input.disk === true };
  }
  return unprocessable(`${JSON.stringify(type ?? null)} is not an action type this Droplet supports.`);
}
