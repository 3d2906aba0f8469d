import { SERVER_STATUSES } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { servers } from "./servers.table.ts";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * Every status a server has been in, with when and why. Append-only (a trigger in the migrations
 * rejects UPDATE, DELETE and TRUNCATE): support and billing disputes read it as evidence.
 * One row per version that moved the status, so (server_id, version) is the key.
 */
export const serverStatusChanges = pgTable(
  "server_status_changes",
  {
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
    version: integer("version").notNull(),
    userId: uuid("user_id").notNull(),
    status: text("status").notNull(),
    previousStatus: text("previous_status"),
    reason: text("reason"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "server_status_changes_pk", columns: [t.serverId, t.version] }),
    check("server_status_changes_status_check", sql`${t.status} in (${inList(SERVER_STATUSES)})`),
    check(
      "server_status_changes_previous_status_check",
      sql`${t.previousStatus} is null or ${t.previousStatus} in (${inList(SERVER_STATUSES)})`,
    ),
  ],
);
