import type { AuditEvent } from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";

/** A position in the audit log: an event's time and id. */
export interface AuditCursor {
  readonly occurredAt: Date;
  readonly id: string;
}

export interface AuditPage {
  readonly events: AuditEvent[];
  /** More events lie beyond this page in the direction read. */
  readonly hasMore: boolean;
}

export interface AuditFilter {
  readonly actorId?: string;
  readonly subjectId?: string;
}

/** Append-only: there is no update and no delete. */
export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  /** Null when there is no event with this id (including ids that are not UUIDs). */
  findById(id: string): Promise<AuditEvent | null>;
  /** Newest first, keyset-paged either way, optionally only one actor's or subject's events. */
  list(query: AuditFilter & KeysetPageQuery<AuditCursor>): Promise<AuditPage>;
  /** How many events `list` pages through under the same filter. */
  count(filter: AuditFilter): Promise<number>;
}
