import {
  accruedUntil,
  invoicePeriod,
  invoiceTotals,
  jalaliMonthOf,
  periodAt,
  usageVatBetween,
  type InvoiceUsageLine,
  type ServerMeter,
} from "@peykarband/domain";
import type { Invoice } from "../ports/invoice.repository.ts";
import { canReadUser } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { InvoiceDeps } from "./invoice-deps.ts";

/** Whole seconds of the meter's life within [from, until). */
function meteredSeconds(meter: ServerMeter, from: Date, until: Date): bigint {
  const start = Math.max(from.getTime(), meter.startedAt.getTime());
  const stop = Math.min(until.getTime(), meter.endsAt?.getTime() ?? Number.POSITIVE_INFINITY);
  return stop > start ? BigInt(Math.floor((stop - start) / 1000)) : 0n;
}

/**
 * The current Jalali month's invoice so far, from the clock (settled or not), like Server.usage:
 * not numbered, not stored; its VAT is what settling the month so far collects. Null for someone the viewer may not read.
 */
export async function upcomingInvoice(
  deps: Pick<InvoiceDeps, "invoices" | "billing" | "clock" | "seller" | "vatRate">,
  input: { userId: string },
  ctx: RequestContext,
): Promise<Invoice | null> {
  if (!canReadUser(ctx.viewer, input.userId)) return null;
  const now = deps.clock.now();
  const month = jalaliMonthOf(now);
  const period = invoicePeriod(month);
  const serverIds = await deps.invoices.meteredServers(input.userId, period.start);
  const [meters, servers, statement, buyerEmail] = await Promise.all([
    deps.billing.meters(serverIds),
    deps.invoices.servers(serverIds),
    deps.invoices.statement(input.userId, period.start, now),
    deps.invoices.buyerEmail(input.userId),
  ]);
  if (buyerEmail === null) return null;
  const lines: InvoiceUsageLine[] = [];
  for (const meter of meters) {
    const server = meter && servers.get(meter.serverId);
    if (!meter || !server || meter.isVoid) continue;
    const amountRials = accruedUntil(meter, now).amount - accruedUntil(meter, period.start).amount;
    const seconds = meteredSeconds(meter, period.start, now);
    if (amountRials === 0n && seconds === 0n) continue;
    const planId = (periodAt(meter, now) ?? meter.periods[meter.periods.length - 1])?.planId ?? "";
    const vatRials = usageVatBetween(meter, period.start, now, deps.vatRate).amount;
    lines.push({ serverId: meter.serverId, planId, seconds, amountRials, vatRials, ...server });
  }
  return {
    id: null,
    number: null,
    userId: input.userId,
    buyerEmail,
    month,
    periodStart: period.start,
    periodEnd: period.end,
    issuedAt: null,
    seller: deps.seller,
    vatRate: deps.vatRate,
    lines,
    statement,
    ...invoiceTotals(lines),
  };
}
