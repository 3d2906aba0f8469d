import { isServerStatus, type ServerStatusChange } from "@peykarband/domain";

/** A ServerStatusChange as it travels: JSON-safe, the time as an ISO 8601 string. */
export interface ServerStatusWire {
  readonly serverId: string;
  readonly userId: string;
  readonly status: string;
  readonly previousStatus: string | null;
  readonly version: number;
  readonly reason: string | null;
  readonly occurredAt: string;
}

export const toWire = (change: ServerStatusChange): ServerStatusWire => ({
  serverId: change.serverId,
  userId: change.userId,
  status: change.status,
  previousStatus: change.previousStatus,
  version: change.version,
  reason: change.reason,
  occurredAt: change.occurredAt.toISOString(),
});

const isText = (value: unknown): value is string => typeof value === "string";

/** Null for anything that is not a change we sent (another version of the program, a stray publish). */
export function fromWire(message: unknown): ServerStatusChange | null {
  if (typeof message !== "object" || message === null) return null;
  const m = message as Record<string, unknown>;
  const occurredAt = isText(m["occurredAt"]) ? new Date(m["occurredAt"]) : null;
  const { serverId, userId, status, previousStatus, version, reason } = m;
  if (
    !isText(serverId) ||
    !isText(userId) ||
    !isText(status) ||
    !isServerStatus(status) ||
    !(previousStatus === null || (isText(previousStatus) && isServerStatus(previousStatus))) ||
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    !(reason === null || isText(reason)) ||
    occurredAt === null ||
    Number.isNaN(occurredAt.getTime())
  )
    return null;
  return { serverId, userId, status, previousStatus, version, reason, occurredAt };
}
