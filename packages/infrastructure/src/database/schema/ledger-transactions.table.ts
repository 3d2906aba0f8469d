import { LEDGER_TRANSACTION_KINDS } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * Append-only, like its entries (triggers in the migrations reject UPDATE, DELETE and TRUNCATE).
 * The unique reference is what makes posting idempotent; a deferred trigger checks at commit that
 * each transaction has at least two entries summing to zero.
 */
export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: uuid("id").primaryKey(),
    reference: text("reference").notNull().unique("ledger_transactions_reference_unique"),
    kind: text("kind").notNull(),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("ledger_transactions_kind_check", sql`${t.kind} in (${inList(LEDGER_TRANSACTION_KINDS)})`)],
);
