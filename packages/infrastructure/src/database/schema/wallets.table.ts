import { sql } from "drizzle-orm";
import { bigint, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

/**
 * Each wallet's balance, kept beside the ledger entries it sums (changed in the same database
 * transaction) so a debit is one conditional UPDATE of one row. No CHECK (balance >= 0): the port
 * lets `post` take a wallet below zero (a reversal); `debit` refuses an overdraft itself.
 */
export const wallets = pgTable("wallets", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  balance: bigint("balance", { mode: "bigint" })
    .notNull()
    .default(sql`0`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
