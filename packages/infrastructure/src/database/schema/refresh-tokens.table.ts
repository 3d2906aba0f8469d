import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sessionFamilies } from "./session-families.table.ts";
import { users } from "./users.table.ts";

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    /** SHA-256 of the token: the token itself is only ever in the client's hands. */
    tokenHash: text("token_hash").primaryKey(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => sessionFamilies.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("refresh_tokens_family_id_idx").on(t.familyId)],
);
