import { TEXT_LIMITS } from "../../limits/query-limits.ts";

/** Types a global id may name; `node(id:)` resolves each. */
export const NODE_TYPES = [
  "User",
  "AuditEvent",
  "Payment",
  "Server",
  "SshKey",
  "Invoice",
  "UpcomingInvoice",
  "ApiKey",
  "WebhookEndpoint",
  "WebhookDelivery",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalId {
  readonly type: NodeType;
  readonly key: string;
}

/** Every key we issue is a UUID (v7); the columns holding them refuse any other text with an error. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (key: string): boolean => UUID.test(key);

/**
 * Ids encoded lately, by type and then key, oldest first: the same objects (the viewer above all)
 * are answered again and again, and a key read from a cached row is the same string each time, its
 * hash already computed, so a hit costs some 15 ns against 240 for encoding it again.
 */
const encoded = new Map<NodeType, Map<string, string>>();
const MAX_ENCODED_PER_TYPE = 4096;

/**
 * Opaque to clients (base64url of "Type:key") so database keys never become part of the API. The
 * same text as the domain's `toGlobalId` (webhook bodies use that one; a test compares them), through
 * Buffer: the domain's TextEncoder, byte loop and btoa were 2 % of a `viewer` request's CPU.
 */
export function toGlobalId(type: NodeType, key: string): string {
  let ofType = encoded.get(type);
  if (ofType === undefined) encoded.set(type, (ofType = new Map()));
  let id = ofType.get(key);
  if (id === undefined) {
    id = Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
    if (ofType.size >= MAX_ENCODED_PER_TYPE) ofType.delete(ofType.keys().next().value!);
    ofType.set(key, id);
  }
  return id;
}

/** Null for anything that is not an id we issued: garbage is "not found", not an error. */
export function fromGlobalId(id: string): GlobalId | null {
  if (id.length > TEXT_LIMITS.id || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, "base64url").toString("utf8");
  const separator = text.indexOf(":");
  if (separator < 0) return null;
  const type = text.slice(0, separator);
  const key = text.slice(separator + 1);
  if (!isUuid(key) || !(NODE_TYPES as readonly string[]).includes(type)) return null;
  return { type: type as NodeType, key };
}

/** A key of one node type, decoded from its global id; the type keeps a User's key from reaching a Server's use case. */
export type LocalId<T extends NodeType> = string & { readonly nodeType: T };

/**
 * What an id we did not issue, or another type's id, decodes to: a well-formed key that names no
 * row (every key we issue is a UUIDv7, never the nil UUID). The operation then answers exactly as it
 * does for a missing object, so no resolver or use case handles bad ids on its own.
 */
export const NO_SUCH_KEY = "00000000-0000-0000-0000-000000000000";

/** The key of a global id of this type, or null: for HTTP routes, which answer a bad id before any lookup. */
export function keyOf(id: string, type: NodeType): string | null {
  const decoded = fromGlobalId(id);
  return decoded?.type === type ? decoded.key : null;
}

/** The key of a global id of this type, or NO_SUCH_KEY: how the API's arguments are decoded. */
export const decodeGlobalId = <T extends NodeType>(id: string, type: T): LocalId<T> =>
  (keyOf(id, type) ?? NO_SUCH_KEY) as LocalId<T>;
