import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

/** What the seller printed on an invoice, as configured when it was issued. */
export interface InvoiceSellerRow {
  readonly name: string;
  readonly nationalId: string;
  readonly economicCode: string;
  readonly address: string;
}

/**
 * Issued monthly invoices (docs/billing.md, "Invoices"). One per customer and Jalali month: the
 * unique (user, year, month) is what makes a re-run or a second worker issue nothing more. The
 * number is allocated from `invoice_number_counters` in the same transaction.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    number: text("number").notNull().unique("invoices_number_unique"),
    jalaliYear: integer("jalali_year").notNull(),
    jalaliMonth: integer("jalali_month").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    buyerEmail: text("buyer_email").notNull(),
    seller: jsonb("seller").$type<InvoiceSellerRow>().notNull(),
    /** Hundredths of a percent: 1000 is 10 %. */
    vatRateBasisPoints: integer("vat_rate_basis_points").notNull(),
    subtotalRials: bigint("subtotal_rials", { mode: "bigint" }).notNull(),
    vatRials: bigint("vat_rials", { mode: "bigint" }).notNull(),
    totalRials: bigint("total_rials", { mode: "bigint" }).notNull(),
  },
  (t) => [
    unique("invoices_user_month_unique").on(t.userId, t.jalaliYear, t.jalaliMonth),
    index("invoices_user_id_period_start_id_idx").on(t.userId, t.periodStart.desc(), t.id.desc()),
    index("invoices_period_start_idx").on(t.periodStart),
    check("invoices_total_check", sql`${t.totalRials} = ${t.subtotalRials} + ${t.vatRials}`),
  ],
);
