import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ledgerTransactions } from "./ledger-transactions.table.ts";
import { users } from "./users.table.ts";

/**
 * One signed line of a ledger transaction; append-only. `account` is the domain's
 * `ledgerAccountKey`; `user_id` repeats the owner of a wallet account so a wallet's history is one
 * index range. `created_at` repeats the transaction's, for the same reason.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    account: text("account").notNull(),
    userId: uuid("user_id").references(() => users.id),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("ledger_entries_user_id_created_at_id_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("ledger_entries_transaction_id_idx").on(t.transactionId),
    check("ledger_entries_amount_check", sql`${t.amount} <> 0`),
    check(
      "ledger_entries_wallet_owner_check",
      sql`case when ${t.userId} is null then ${t.account} not like 'wallet:%' else ${t.account} = 'wallet:' || ${t.userId}::text end`,
    ),
  ],
);
