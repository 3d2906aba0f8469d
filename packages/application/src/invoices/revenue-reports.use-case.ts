import { invoicePeriod, type JalaliMonth } from "@peykarband/domain";
import type {
  MonthlyRevenue,
  OutstandingBalance,
  SuspendedServer,
  SuspendedServerCursor,
} from "../ports/invoice.repository.ts";
import type { CountedPage } from "../ports/keyset-page.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { InvoiceDeps } from "./invoice-deps.ts";

/** ADMIN only: revenue invoiced per Jalali month and cloud (usage before VAT), from `since` on. */
export async function revenueByMonth(
  deps: Pick<InvoiceDeps, "invoices">,
  input: { since: JalaliMonth },
  ctx: RequestContext,
): Promise<MonthlyRevenue[]> {
  requireRole(ctx, ["ADMIN"]);
  return deps.invoices.revenueByMonth(invoicePeriod(input.since).start);
}

/** ADMIN only: wallets below zero, most owed first. */
export async function outstandingBalances(
  deps: Pick<InvoiceDeps, "invoices">,
  input: { first: number },
  ctx: RequestContext,
): Promise<OutstandingBalance[]> {
  requireRole(ctx, ["ADMIN"]);
  return deps.invoices.outstandingBalances(Math.min(Math.max(Math.trunc(input.first), 1), 100));
}

/** ADMIN only: servers dunning suspended, across customers, newest first. */
export async function suspendedServers(
  deps: Pick<InvoiceDeps, "invoices">,
  input: { first: number; after: SuspendedServerCursor | null },
  ctx: RequestContext,
): Promise<{ servers: SuspendedServer[]; hasMore: boolean } & CountedPage> {
  requireRole(ctx, ["ADMIN"]);
  const page = await deps.invoices.suspendedServers(
    Math.min(Math.max(Math.trunc(input.first), 1), 100),
    input.after,
  );
  return {
    servers: [...page.servers],
    hasMore: page.hasMore,
    countAll: () => deps.invoices.countSuspendedServers(),
  };
}
