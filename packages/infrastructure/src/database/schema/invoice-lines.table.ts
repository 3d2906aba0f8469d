import { sql } from "drizzle-orm";
import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { invoices } from "./invoices.table.ts";

/** An invoice's usage, one line per server, as issued (names and plans as they were then). */
export const invoiceUsageLines = pgTable(
  "invoice_usage_lines",
  {
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    position: integer("position").notNull(),
    serverId: uuid("server_id").notNull(),
    serverName: text("server_name").notNull(),
    planId: text("plan_id").notNull(),
    regionId: text("region_id").notNull(),
    provider: text("provider").notNull(),
    seconds: bigint("seconds", { mode: "bigint" }).notNull(),
    amountRials: bigint("amount_rials", { mode: "bigint" }).notNull(),
    vatRials: bigint("vat_rials", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
  },
  (t) => [primaryKey({ name: "invoice_usage_lines_pk", columns: [t.invoiceId, t.position] })],
);

/** An invoice's statement: the wallet's other movements of the month (top-ups, orders, adjustments). */
export const invoiceStatementLines = pgTable(
  "invoice_statement_lines",
  {
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    position: integer("position").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    kind: text("kind").notNull(),
    reason: text("reason").notNull(),
    amountRials: bigint("amount_rials", { mode: "bigint" }).notNull(),
  },
  (t) => [primaryKey({ name: "invoice_statement_lines_pk", columns: [t.invoiceId, t.position] })],
);

/**
 * The last invoice number of each Jalali year. Incremented under its row lock in the issuing
 * transaction, so numbers are gapless: a rolled-back issue gives its number back.
 */
export const invoiceNumberCounters = pgTable("invoice_number_counters", {
  jalaliYear: integer("jalali_year").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});
