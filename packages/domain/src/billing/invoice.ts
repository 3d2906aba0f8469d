import { toPersianDigits } from "../shared/digits.ts";
import { jalaliMonthOf, jalaliMonthStart, nextJalaliMonth, type JalaliMonth } from "./jalali-calendar.ts";

/**
 * A customer's monthly invoice: one per Jalali month (Tehran time), its usage lines per server, its
 * wallet movements as a statement, VAT on the usage. docs/billing.md, "Invoices".
 */

/** One server's usage in the month: the sum of its USAGE postings whose windows fall in it. */
export interface InvoiceUsageLine {
  readonly serverId: string;
  readonly serverName: string;
  /** The plan of the server's last rate period in the month. */
  readonly planId: string;
  readonly regionId: string;
  readonly provider: string;
  /** Whole seconds metered in the month. */
  readonly seconds: bigint;
  /** Rials accrued in the month (what was used, not what the wallet paid after prepayment). */
  readonly amountRials: bigint;
  /** The VAT collected on that usage: the sum of its postings' VAT (see `usageVatBetween`). */
  readonly vatRials: bigint;
}

/** A wallet movement of the month that is not usage: a top-up, an order's prepayment, an adjustment. */
export interface InvoiceStatementLine {
  readonly at: Date;
  readonly kind: string;
  readonly reason: string;
  /** Signed, as the wallet saw it: a top-up is positive. */
  readonly amountRials: bigint;
}

export interface InvoiceTotals {
  readonly subtotalRials: bigint;
  readonly vatRials: bigint;
  readonly totalRials: bigint;
}

export interface InvoicePeriod {
  readonly month: JalaliMonth;
  /** 00:00 on the month's first day in Tehran. */
  readonly start: Date;
  /** 00:00 on the next month's first day in Tehran (exclusive). */
  readonly end: Date;
}

export const invoicePeriod = (month: JalaliMonth): InvoicePeriod => ({
  month,
  start: jalaliMonthStart(month),
  end: jalaliMonthStart(nextJalaliMonth(month)),
});

/** VAT rates are kept in hundredths of a percent, so 10 % is 1000 and 9.5 % is 950: no floats. */
export type VatRateBasisPoints = number;

/**
 * VAT on a subtotal, in whole rials, rounded half up (half a rial and more is a rial): 15 rials at
 * 10 % is 2, 14 rials is 1. The subtotal is never negative on an invoice.
 */
export function vatOn(subtotalRials: bigint, rate: VatRateBasisPoints): bigint {
  if (!Number.isInteger(rate) || rate < 0) throw new RangeError(`VAT rate out of range: ${rate}`);
  if (subtotalRials < 0n) throw new RangeError("a subtotal is never negative");
  return (subtotalRials * BigInt(rate) * 2n + 10_000n) / 20_000n;
}

/**
 * The lines' usage and the VAT the ledger collected on it. VAT is carried per server (see
 * `usageVatBetween`), so it may differ by under a rial per server from VAT on the subtotal: the
 * invoice states what the wallet paid.
 */
export function invoiceTotals(lines: readonly InvoiceUsageLine[]): InvoiceTotals {
  const subtotalRials = lines.reduce((sum, line) => sum + line.amountRials, 0n);
  const vatRials = lines.reduce((sum, line) => sum + line.vatRials, 0n);
  return { subtotalRials, vatRials, totalRials: subtotalRials + vatRials };
}

/** "1405-000123": the Jalali year of the invoiced month and its sequence in that year. */
export const invoiceNumber = (year: number, sequence: number): string =>
  `${year}-${String(sequence).padStart(6, "0")}`;

const MONTH_NAMES = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
] as const;

/** "آذر ۱۴۰۵". */
export const jalaliMonthLabel = ({ year, month }: JalaliMonth): string =>
  `${MONTH_NAMES[month - 1]!} ${toPersianDigits(String(year))}`;

const DAY_MS = 86_400_000;

/**
 * The Jalali date of an instant in Tehran, as "۱۴۰۵/۰۹/۱۶". Days are counted from the month's first
 * midnight, which is exact from 1402 on (Tehran keeps one offset all year); in earlier summers the
 * hour after midnight counts to the day before.
 */
export function jalaliDateLabel(instant: Date): string {
  const month = jalaliMonthOf(instant);
  const day = Math.floor((instant.getTime() - jalaliMonthStart(month).getTime()) / DAY_MS) + 1;
  const two = (n: number) => String(n).padStart(2, "0");
  return toPersianDigits(`${month.year}/${two(month.month)}/${two(day)}`);
}

/** Rials with Persian digits and the Persian thousands separator: "۱٬۲۳۴٬۵۶۷". */
export const persianAmount = (rials: bigint): string =>
  toPersianDigits(rials.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "٬"));
