import { invoicePeriod, jalaliMonthOf, type JalaliMonth } from "@peykarband/domain";
import type { InvoiceDeps } from "./invoice-deps.ts";

export interface InvoiceRunReport {
  readonly month: JalaliMonth;
  readonly issued: number;
  /** Issued by an earlier or concurrent run, or with nothing to invoice. */
  readonly skipped: number;
}

const previousMonth = ({ year, month }: JalaliMonth): JalaliMonth =>
  month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };

/**
 * The monthly job: every customer's invoice for the last Jalali month that has ended. The month's
 * usage is settled up to its end first, so its postings are all there. Each invoice is its own
 * transaction and the (customer, month) pair is unique, so a run that crashed half-way is finished
 * by the next one, and two runs at once issue each invoice once.
 */
export async function issueMonthlyInvoices(deps: InvoiceDeps): Promise<InvoiceRunReport> {
  const now = deps.clock.now();
  const month = previousMonth(jalaliMonthOf(now));
  const period = invoicePeriod(month);
  await deps.billing.settle(period.end);
  let issued = 0;
  let skipped = 0;
  for (const userId of await deps.invoices.uninvoicedCustomers(period)) {
    const outcome = await deps.invoices.issue({
      id: deps.ids.newId(),
      userId,
      period,
      issuedAt: now,
      seller: deps.seller,
      vatRate: deps.vatRate,
    });
    if (outcome.status === "ISSUED") issued += 1;
    else skipped += 1;
  }
  return { month, issued, skipped };
}
