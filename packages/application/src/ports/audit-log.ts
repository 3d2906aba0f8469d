import type { AuditEvent } from "@peykarband/domain";

export interface AuditPage {
  readonly events: AuditEvent[];
  readonly hasMore: boolean;
}

/** Append-only: there is no update and no delete. */
export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  /** Null when there is no event with this id (including ids that are not UUIDs). */
  findById(id: string): Promise<AuditEvent | null>;
  /** Newest first; `before` is the id-and-time cursor of the last event already seen. */
  list(query: {
    limit: number;
    before?: { occurredAt: Date; id: string };
    actorId?: string;
    subjectId?: string;
  }): Promise<AuditPage>;
}
