import type { Reply } from "../shared/reply.ts";
import { invalidInput } from "./hetzner.errors.ts";
import {
  byIdOrName,
  HETZNER_IMAGES,
  HETZNER_LOCATIONS,
  HETZNER_SERVER_TYPES,
  HETZNER_SSH_KEYS,
  locationOfDatacenter,
  type HetznerImage,
  type HetznerLocation,
  type HetznerServerType,
} from "./hetzner.inventory.ts";

export interface CreateServerSpec {
  readonly name: string;
  readonly serverType: HetznerServerType;
  readonly image: HetznerImage;
  readonly location: HetznerLocation;
  readonly labels: Readonly<Record<string, string>>;
  readonly userData: string;
  readonly startAfterCreate: boolean;
  readonly sshKeys: boolean;
}

type Checked<T> = { ok: true; value: T } | { ok: false; reply: Reply };

const HOSTNAME_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const USER_DATA_LIMIT = 32 * 1024;
const DEFAULT_LOCATION = "nbg1";

/** `POST /servers` body checks, in Hetzner's `invalid_input` terms. */
export function validateCreateServer(body: unknown): Checked<CreateServerSpec> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return refuse("name", "is required");
  }
  const input = body as Record<string, unknown>;
  const { name } = input;
  if (typeof name !== "string" || name === "") return refuse("name", "is required");
  if (!isHostname(name)) return refuse("name", "must be a valid hostname");
  if (input.server_type === undefined) return refuse("server_type", "is required");
  const serverType = byIdOrName(HETZNER_SERVER_TYPES, input.server_type);
  if (!serverType) return refuse("server_type", "server type not found");
  if (input.image === undefined) return refuse("image", "is required");
  const image = byIdOrName(HETZNER_IMAGES, input.image);
  if (!image) return refuse("image", "image not found");
  if (input.location !== undefined && input.datacenter !== undefined) {
    return refuse("location", "location and datacenter are mutually exclusive");
  }
  const location =
    input.datacenter === undefined
      ? byIdOrName(HETZNER_LOCATIONS, input.location ?? DEFAULT_LOCATION)
      : locationOfDatacenter(input.datacenter);
  if (!location) {
    return input.datacenter === undefined
      ? refuse("location", "location not found")
      : refuse("datacenter", "datacenter not found");
  }
  const labels = input.labels ?? {};
  const labelProblem = checkLabels(labels);
  if (labelProblem) return refuse("labels", labelProblem);
  const userData = input.user_data ?? "";
  if (typeof userData !== "string") return refuse("user_data", "must be a string");
  if (Buffer.byteLength(userData) > USER_DATA_LIMIT) return refuse("user_data", "is too long");
  const startAfterCreate = input.start_after_create ?? true;
  if (typeof startAfterCreate !== "boolean") return refuse("start_after_create", "must be a boolean");
  const sshKeys = input.ssh_keys ?? [];
  if (!Array.isArray(sshKeys)) return refuse("ssh_keys", "must be a list");
  const unknownKey = sshKeys.find((key) => !byIdOrName(HETZNER_SSH_KEYS, key));
  if (unknownKey !== undefined) return refuse("ssh_keys", `ssh key '${String(unknownKey)}' not found`);
  return {
    ok: true,
    value: {
      name,
      serverType,
      image,
      location,
      labels: labels as Record<string, string>,
      userData,
      startAfterCreate,
      sshKeys: sshKeys.length > 0,
    },
  };
}

/** RFC 1123: dot-separated labels of letters, digits and inner hyphens, 253 characters at most. */
function isHostname(name: string): boolean {
  return name.length <= 253 && name.split(".").every((label) => HOSTNAME_LABEL.test(label));
}

function checkLabels(labels: unknown): string | null {
  if (typeof labels !== "object" || labels === null || Array.isArray(labels)) return "must be an object";
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== "string") return `value of '${key}' must be a string`;
    const slash = key.lastIndexOf("/");
    const prefix = slash < 0 ? null : key.slice(0, slash);
    const name = key.slice(slash + 1);
    if (!LABEL_NAME.test(name)) return `invalid label key '${key}'`;
    if (prefix !== null && (prefix.length > 253 || !LABEL_PREFIX.test(prefix)))
      return `invalid label key '${key}'`;
    if (prefix === "hetzner.cloud") return `label prefix 'hetzner.cloud/' is reserved`;
    if (value !== "" && !LABEL_NAME.test(value)) return `invalid label value '${value}'`;
  }
  return null;
}

function refuse(field: string, problem: string): Checked<never> {
  return { ok: false, reply: invalidInput(field, problem) };
}
