import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

export const sessionFamilies = pgTable(
  "session_families",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** When this session last proved a second factor: what step-up (docs/api.md) checks. */
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
  },
  (t) => [index("session_families_user_id_idx").on(t.userId)],
);
