import type { AuditFilter, AuditLog, AuditPage } from "@peykarband/application";
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent } from "@peykarband/domain";
import { and, eq, sql, type SQL, count } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { auditEvents } from "../database/schema.ts";

type AuditQuery = Parameters<AuditLog["list"]>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class DrizzleAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  async record(event: AuditEvent): Promise<void> {
    await this.db.insert(auditEvents).values({ ...event, details: { ...event.details } });
  }

  async findById(id: string): Promise<AuditEvent | null> {
    // The column is a uuid: PostgreSQL would fail the query on any other text instead of finding nothing.
    if (!UUID.test(id)) return null;
    const [row] = await this.db.select().from(auditEvents).where(eq(auditEvents.id, id));
    return row ? toEvent(row) : null;
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const conditions = matching(query);
    const { cursor } = query;
    const backward = query.direction === "before";
    if (cursor) {
      // A row comparison matches the (occurred_at desc, id desc) indexes: a keyset page, never OFFSET.
      const position = sql`(${cursor.occurredAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
      conditions.push(
        backward
          ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) > ${position}`
          : sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < ${position}`,
      );
    }
    const rows = await this.db
      .select()
      .from(auditEvents)
      .where(and(...conditions))
      // The indexes are "desc nulls last"; backwards, "asc nulls first" reads them from the other end.
      .orderBy(
        ...(backward
          ? [sql`${auditEvents.occurredAt} asc nulls first`, sql`${auditEvents.id} asc nulls first`]
          : [sql`${auditEvents.occurredAt} desc nulls last`, sql`${auditEvents.id} desc nulls last`]),
      )
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map(toEvent);
    return { events: backward ? page.reverse() : page, hasMore: rows.length > query.limit };
  }

  async count(filter: AuditFilter): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(...matching(filter)));
    return row!.n;
  }
}

function matching(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.actorId !== undefined) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.subjectId !== undefined) conditions.push(eq(auditEvents.subjectId, filter.subjectId));
  return conditions;
}

const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);

function toEvent(row: typeof auditEvents.$inferSelect): AuditEvent {
  if (!isAuditAction(row.action)) throw new Error(`stored audit action is unknown: ${row.action}`);
  return { ...row, action: row.action };
}
