import { WEBHOOK_DELIVERY_STATUSES } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/** Where a user's events are POSTed; the signing secret sealed with the secret box (it must be read to sign). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    sealedSecret: text("sealed_secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    failingSince: timestamp("failing_since", { withTimezone: true }),
  },
  (t) => [index("webhook_endpoints_user_id_created_at_idx").on(t.userId, t.createdAt, t.id)],
);

/**
 * One event to one endpoint, written in the transaction of what caused the event together with its
 * `webhooks.deliver` job. The partial unique index makes a second write of the same event a no-op;
 * redeliveries (`redelivery_of`) are new rows outside it.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    responseTimeMs: integer("response_time_ms"),
    lastError: text("last_error"),
    redeliveryOf: uuid("redelivery_of"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_unique")
      .on(t.eventId, t.endpointId)
      .where(sql`redelivery_of is null`),
    index("webhook_deliveries_endpoint_id_created_at_idx").on(t.endpointId, t.createdAt, t.id),
    check("webhook_deliveries_status_check", sql`${t.status} in (${inList(WEBHOOK_DELIVERY_STATUSES)})`),
  ],
);
