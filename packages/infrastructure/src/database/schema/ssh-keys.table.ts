import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

/** Customers' SSH public keys; the unique fingerprint per user is the duplicate check. */
export const sshKeys = pgTable(
  "ssh_keys",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    publicKey: text("public_key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("ssh_keys_user_id_fingerprint_unique").on(t.userId, t.fingerprint),
    index("ssh_keys_user_id_created_at_idx").on(t.userId, t.createdAt, t.id),
  ],
);
