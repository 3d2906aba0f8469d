import { sql } from "drizzle-orm";
import { bigint, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { ledgerTransactions } from "./ledger-transactions.table.ts";
import { serverMeters } from "./server-meters.table.ts";

/**
 * Each settled window of a server's usage. The key (server, window start) is what makes settling
 * idempotent: a retry, a crashed run or a second worker cannot post the same window twice.
 * `transaction_id` is the ledger posting, absent when the window charged the wallet nothing (it
 * was covered by the prepayment). `vat_rials` is the VAT collected with it (docs/billing.md) by its
 * own ledger posting, `vat_transaction_id`, absent when the VAT was nothing. `margin_rials` is what
 * a reseller's customer paid beyond our price in it, paid to the reseller by `margin_transaction_id`
 * (kind RESELLER_MARGIN), absent when it was nothing.
 */
export const serverUsagePostings = pgTable(
  "server_usage_postings",
  {
    // The meter, not the server: the server row is locked by its status changes, and a settlement
    // holding meters must not wait on it (the key check of a reference to a row takes a lock on it).
    serverId: uuid("server_id")
      .notNull()
      .references(() => serverMeters.serverId),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    accruedRials: bigint("accrued_rials", { mode: "bigint" }).notNull(),
    chargedRials: bigint("charged_rials", { mode: "bigint" }).notNull(),
    transactionId: uuid("transaction_id").references(() => ledgerTransactions.id),
    vatRials: bigint("vat_rials", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    vatTransactionId: uuid("vat_transaction_id").references(() => ledgerTransactions.id),
    marginRials: bigint("margin_rials", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    marginTransactionId: uuid("margin_transaction_id").references(() => ledgerTransactions.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "server_usage_postings_pk", columns: [t.serverId, t.startsAt] })],
);
