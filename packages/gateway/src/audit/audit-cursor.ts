import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { isUuid } from "../schema/node/global-id.ts";

export interface AuditPosition {
  readonly occurredAt: Date;
  readonly id: string;
}

/** Keyset position (time, id) made opaque, so clients cannot build or depend on it. */
export const toAuditCursor = (position: AuditPosition): string =>
  Buffer.from(`${position.occurredAt.toISOString()}|${position.id}`).toString("base64url");

export function fromAuditCursor(cursor: string): AuditPosition | null {
  if (cursor.length > TEXT_LIMITS.cursor || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [time, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!time || !id || !isUuid(id) || rest.length > 0) return null;
  const occurredAt = new Date(time);
  return Number.isNaN(occurredAt.getTime()) ? null : { occurredAt, id };
}
