import {
  isCloudProviderName,
  isServerStatus,
  SERVER_OPERATIONS,
  type Server,
  type ServerOperation,
  type ServerStatusChange,
} from "@peykarband/domain";

type Wire<T> = {
  readonly [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** A ServerStatusChange as it travels: JSON-safe, times as ISO 8601 strings. */
export interface ServerStatusWire extends Wire<Omit<ServerStatusChange, "server">> {
  readonly server?: Wire<Server>;
}

export const toWire = (change: ServerStatusChange): ServerStatusWire => ({
  serverId: change.serverId,
  userId: change.userId,
  status: change.status,
  previousStatus: change.previousStatus,
  version: change.version,
  reason: change.reason,
  occurredAt: change.occurredAt.toISOString(),
  ...(change.server ? { server: serverToWire(change.server) } : {}),
});

const serverToWire = (server: Server): Wire<Server> => ({
  ...server,
  createdAt: server.createdAt.toISOString(),
  updatedAt: server.updatedAt.toISOString(),
  deletedAt: server.deletedAt?.toISOString() ?? null,
});

const isText = (value: unknown): value is string => typeof value === "string";
const isTextOrNull = (value: unknown): value is string | null => value === null || isText(value);
const time = (value: unknown): Date | null => {
  const date = isText(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/**
 * Every subscriber of a channel is handed the same message object (by the in-process engine, and
 * by RedisPubSub, which parses each message once): reading it once gives them all the same change
 * object, which lets the gateway execute a subscription once for all of them.
 */
const readMessages = new WeakMap<object, ServerStatusChange | null>();

/** Null for anything that is not a change we sent (another version of the program, a stray publish). */
export function fromWire(message: unknown): ServerStatusChange | null {
  if (typeof message !== "object" || message === null) return null;
  if (readMessages.has(message)) return readMessages.get(message)!;
  const change = readChange(message);
  readMessages.set(message, change);
  return change;
}

function readChange(message: object): ServerStatusChange | null {
  const m = message as Record<string, unknown>;
  const occurredAt = time(m["occurredAt"]);
  const { serverId, userId, status, previousStatus, version, reason } = m;
  if (
    !isText(serverId) ||
    !isText(userId) ||
    !isText(status) ||
    !isServerStatus(status) ||
    !(previousStatus === null || (isText(previousStatus) && isServerStatus(previousStatus))) ||
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    !isTextOrNull(reason) ||
    occurredAt === null
  )
    return null;
  const change: ServerStatusChange = {
    serverId,
    userId,
    status,
    previousStatus,
    version,
    reason,
    occurredAt,
  };
  // A snapshot that does not read back whole is left out: subscribers then read the server.
  const server = serverFromWire(m["server"]);
  return server && server.id === serverId && server.version === version ? { ...change, server } : change;
}

function serverFromWire(value: unknown): Server | null {
  if (typeof value !== "object" || value === null) return null;
  const s = value as Record<string, unknown>;
  const createdAt = time(s["createdAt"]);
  const updatedAt = time(s["updatedAt"]);
  const deletedAt = s["deletedAt"] === null ? null : time(s["deletedAt"]);
  const { id, userId, name, status, provider, planId, regionId, imageId, sshKeyIds, providerServerId } = s;
  const { ipv4, ipv6, pendingOperation, failureReason, version, idempotencyKey } = s;
  if (
    !isText(id) ||
    !isText(userId) ||
    !isText(name) ||
    !isText(status) ||
    !isServerStatus(status) ||
    !isText(provider) ||
    !isCloudProviderName(provider) ||
    !isText(planId) ||
    !isText(regionId) ||
    !isText(imageId) ||
    !Array.isArray(sshKeyIds) ||
    !sshKeyIds.every(isText) ||
    !isTextOrNull(providerServerId) ||
    !isTextOrNull(ipv4) ||
    !isTextOrNull(ipv6) ||
    !(pendingOperation === null || (SERVER_OPERATIONS as readonly unknown[]).includes(pendingOperation)) ||
    !isTextOrNull(failureReason) ||
    typeof version !== "number" ||
    !isText(idempotencyKey) ||
    !createdAt ||
    !updatedAt ||
    (s["deletedAt"] !== null && !deletedAt)
  )
    return null;
  return {
    id,
    userId,
    name,
    status,
    provider,
    planId,
    regionId,
    imageId,
    sshKeyIds,
    providerServerId,
    ipv4,
    ipv6,
    pendingOperation: pendingOperation as ServerOperation | null,
    failureReason,
    version,
    idempotencyKey,
    createdAt,
    updatedAt,
    deletedAt,
  };
}
