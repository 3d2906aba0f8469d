import { TEXT_LIMITS } from "../../limits/query-limits.ts";
import { isUuid } from "../node/global-id.ts";

/** A row's place in a newest-first list: its creation time, then its id to break ties. */
export interface KeysetPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/** Opaque to clients, so they cannot build one or come to depend on its form. */
export const toKeysetCursor = (position: KeysetPosition): string =>
  Buffer.from(`${position.createdAt.toISOString()}|${position.id}`).toString("base64url");

/** Null for anything we did not issue; the id must be a UUID, as every key we store is. */
export function fromKeysetCursor(cursor: string): KeysetPosition | null {
  if (cursor.length > TEXT_LIMITS.cursor || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [time, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!time || !id || !isUuid(id) || rest.length > 0) return null;
  const createdAt = new Date(time);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
}
