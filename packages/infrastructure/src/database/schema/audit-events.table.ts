import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only (a trigger in the migrations rejects UPDATE and DELETE). Actor and subject are
 * not foreign keys: the log must outlive the accounts it mentions.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey(),
    action: text("action").notNull(),
    actorId: uuid("actor_id"),
    subjectId: uuid("subject_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    details: jsonb("details")
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("audit_events_occurred_at_id_idx").on(t.occurredAt.desc(), t.id.desc()),
    index("audit_events_actor_id_idx").on(t.actorId, t.occurredAt.desc(), t.id.desc()),
    index("audit_events_subject_id_idx").on(t.subjectId, t.occurredAt.desc(), t.id.desc()),
  ],
);
