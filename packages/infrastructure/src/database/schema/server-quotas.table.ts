import { sql } from "drizzle-orm";
import { check, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

/** A user's own server limit, set by staff; users without a row get the policy's default. */
export const serverQuotas = pgTable(
  "server_quotas",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    limit: integer("limit").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("server_quotas_limit_check", sql`${t.limit} >= 0`)],
);
