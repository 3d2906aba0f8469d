import type { InvoicePeriod, InvoiceStatementLine, InvoiceUsageLine } from "@peykarband/domain";
import { and, asc, eq, gte, isNotNull, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import {
  ledgerEntries,
  ledgerTransactions,
  serverMeters,
  serverRatePeriods,
  servers,
  serverUsagePostings,
} from "../database/schema.ts";
import type { Tx } from "../wallet/ledger-write.ts";

/**
 * A customer's usage lines for a period: per server, the USAGE postings whose windows start in it
 * (settlement splits windows at Jalali month starts, so a window lies in one month), their
 * seconds, what they accrued and the VAT collected with them. The plan is the one of the server's last rate period begun before
 * the period's end.
 */
export async function usageLines(
  db: Db | Tx,
  userId: string,
  period: InvoicePeriod,
): Promise<InvoiceUsageLine[]> {
  const end = period.end.toISOString();
  const rows = await db
    .select({
      serverId: serverUsagePostings.serverId,
      serverName: servers.name,
      regionId: servers.regionId,
      provider: servers.provider,
      planId: sql<string>`(select ${serverRatePeriods.planId} from ${serverRatePeriods}
        where ${serverRatePeriods.serverId} = ${serverUsagePostings.serverId}
          and ${serverRatePeriods.startsAt} < ${end}::timestamptz
        order by ${serverRatePeriods.startsAt} desc limit 1)`,
      seconds: sql<string>`floor(sum(extract(epoch from ${serverUsagePostings.endsAt} - ${serverUsagePostings.startsAt})))::bigint::text`,
      amount: sql<string>`sum(${serverUsagePostings.accruedRials})::text`,
      vat: sql<string>`sum(${serverUsagePostings.vatRials})::text`,
      firstWindow: sql<Date>`min(${serverUsagePostings.startsAt})`,
    })
    .from(serverUsagePostings)
    .innerJoin(serverMeters, eq(serverMeters.serverId, serverUsagePostings.serverId))
    .innerJoin(servers, eq(servers.id, serverUsagePostings.serverId))
    .where(
      and(
        eq(serverMeters.userId, userId),
        gte(serverUsagePostings.startsAt, period.start),
        lt(serverUsagePostings.startsAt, period.end),
      ),
    )
    .groupBy(serverUsagePostings.serverId, servers.name, servers.regionId, servers.provider)
    .orderBy(sql`min(${serverUsagePostings.startsAt})`, asc(serverUsagePostings.serverId));
  return rows
    .map((row) => ({
      serverId: row.serverId,
      serverName: row.serverName,
      planId: row.planId,
      regionId: row.regionId,
      provider: row.provider,
      seconds: BigInt(row.seconds),
      amountRials: BigInt(row.amount),
      vatRials: BigInt(row.vat),
    }))
    .filter((line) => line.seconds > 0n || line.amountRials > 0n);
}

/**
 * The wallet's movements in [from, until) other than usage and its VAT (the lines and totals hold
 * those): top-ups, orders' prepayments, adjustments.
 */
export async function statementLines(
  db: Db | Tx,
  userId: string,
  from: Date,
  until: Date,
): Promise<InvoiceStatementLine[]> {
  const rows = await db
    .select({
      at: ledgerEntries.createdAt,
      kind: ledgerTransactions.kind,
      reason: ledgerTransactions.reason,
      amount: ledgerEntries.amount,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        eq(ledgerEntries.userId, userId),
        isNotNull(ledgerEntries.userId),
        notInArray(ledgerTransactions.kind, ["USAGE", "VAT"]),
        gte(ledgerEntries.createdAt, from),
        lt(ledgerEntries.createdAt, until),
      ),
    )
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  return rows.map((row) => ({ at: row.at, kind: row.kind, reason: row.reason, amountRials: row.amount }));
}
