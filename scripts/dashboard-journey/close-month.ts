import { invoicePeriod, jalaliMonthOf } from "../../packages/domain/src/index.ts";
import { loadConfig, openDatabase, openJobQueue } from "../../packages/infrastructure/src/index.ts";
import { composeAccountAdapters } from "../../packages/gateway/src/composition/compose-accounts.ts";
import { composeBilling } from "../../packages/gateway/src/composition/compose-billing.ts";

/** How long after the month's end the month-close runs, as the worker's daily schedule would. */
const AFTER_MONTH_END_MS = 5 * 60_000;

/**
 * The worker's month-close (`issueMonthlyInvoices`, the `billing.invoices` job) on the stopped
 * sandbox API's embedded database, with a clock set just past the end of this Jalali month: the
 * journey's customer gets this month's invoice now instead of at the month's end. The API must be
 * stopped first, since only one process may open the embedded database.
 */
export async function closeThisMonth(dataDir: string): Promise<string> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const afterMonthEnd = new Date(invoicePeriod(jalaliMonthOf(new Date())).end.getTime() + AFTER_MONTH_END_MS);
  const database = await openDatabase(config);
  try {
    const queue = await openJobQueue(database, { role: "producer", onError: () => undefined });
    try {
      const accounts = composeAccountAdapters(database, config, {
        clock: { now: () => new Date(afterMonthEnd) },
      });
      const { invoices } = composeBilling({ config, database, accounts, queue });
      const report = await invoices.issueMonthlyInvoices();
      return `${report.month.year}/${report.month.month}: ${report.issued} issued, ${report.skipped} skipped`;
    } finally {
      await queue.stop({ timeoutMs: 1000 });
    }
  } finally {
    await database.close();
  }
}
