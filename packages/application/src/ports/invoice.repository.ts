import type {
  InvoicePeriod,
  InvoiceStatementLine,
  InvoiceTotals,
  InvoiceUsageLine,
  JalaliMonth,
  Server,
  VatRateBasisPoints,
} from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";

/** The seller as printed on invoices (configuration: SELLER_*). */
export interface InvoiceSeller {
  readonly name: string;
  readonly nationalId: string;
  readonly economicCode: string;
  readonly address: string;
}

/** An issued invoice, or the month so far (then `id` and `number` are null and nothing is stored). */
export interface Invoice extends InvoiceTotals {
  readonly id: string | null;
  readonly number: string | null;
  readonly userId: string;
  readonly buyerEmail: string;
  readonly month: JalaliMonth;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly issuedAt: Date | null;
  readonly seller: InvoiceSeller;
  readonly vatRate: VatRateBasisPoints;
  readonly lines: readonly InvoiceUsageLine[];
  readonly statement: readonly InvoiceStatementLine[];
}

export interface InvoiceCursor {
  readonly periodStart: Date;
  readonly id: string;
}

export interface IssueInvoiceCommand {
  readonly id: string;
  readonly userId: string;
  readonly period: InvoicePeriod;
  readonly issuedAt: Date;
  readonly seller: InvoiceSeller;
  readonly vatRate: VatRateBasisPoints;
}

export type IssueInvoiceOutcome =
  | { readonly status: "ISSUED"; readonly invoice: Invoice }
  /** The customer's invoice for that month exists: nothing was written, no number was taken. */
  | { readonly status: "ALREADY_ISSUED" }
  /** No usage and no wallet movement in the month: no invoice, no number. */
  | { readonly status: "NOTHING_TO_INVOICE" };

/** Revenue of one Jalali month from one cloud: the usage lines of the month's issued invoices. */
export interface MonthlyRevenue {
  readonly month: JalaliMonth;
  readonly provider: string;
  readonly subtotalRials: bigint;
}

/** A customer whose wallet is below zero: what they owe. */
export interface OutstandingBalance {
  readonly userId: string;
  readonly email: string;
  /** Negative. */
  readonly balanceRials: bigint;
}

/** A server dunning suspended, with the customer who owns it. */
export interface SuspendedServer {
  readonly server: Server;
  readonly ownerEmail: string;
}

export interface SuspendedServerCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/** Issued invoices and what goes on them (docs/billing.md, "Invoices"). */
export interface InvoiceRepository {
  /** Customers with usage postings or wallet movements in the period and no invoice for it yet. */
  uninvoicedCustomers(period: InvoicePeriod): Promise<string[]>;
  /**
   * In one transaction: the usage lines (the USAGE postings whose windows start in the period),
   * the statement, the totals, and the next number of the period's Jalali year, taken from a
   * counter row under its lock; the unique (customer, month) makes a second issue ALREADY_ISSUED.
   */
  issue(command: IssueInvoiceCommand): Promise<IssueInvoiceOutcome>;
  findById(id: string): Promise<Invoice | null>;
  /** The customer's invoices, newest month first. */
  page(
    userId: string,
    query: KeysetPageQuery<InvoiceCursor>,
  ): Promise<{ readonly invoices: Invoice[]; readonly hasMore: boolean }>;
  /** How many invoices `page` pages through for this customer. */
  count(userId: string): Promise<number>;
  /** The wallet's non-usage movements in [from, until), for the month so far. */
  statement(userId: string, from: Date, until: Date): Promise<InvoiceStatementLine[]>;
  /** What a server is, for an unissued invoice's lines. */
  servers(
    serverIds: readonly string[],
  ): Promise<Map<string, Pick<InvoiceUsageLine, "serverName" | "regionId" | "provider">>>;
  buyerEmail(userId: string): Promise<string | null>;
  /** The user's servers with a meter that may accrue from `from` on (not void, not ended before). */
  meteredServers(userId: string, from: Date): Promise<string[]>;
  /** Wallets below zero, most owed first (at most `limit`). */
  outstandingBalances(limit: number): Promise<OutstandingBalance[]>;
  revenueByMonth(fromPeriodStart: Date): Promise<MonthlyRevenue[]>;
  /** Servers in SUSPENDED across customers, newest first, after the cursor when given. */
  suspendedServers(
    limit: number,
    after: SuspendedServerCursor | null,
  ): Promise<{ readonly servers: SuspendedServer[]; readonly hasMore: boolean }>;
  countSuspendedServers(): Promise<number>;
}
