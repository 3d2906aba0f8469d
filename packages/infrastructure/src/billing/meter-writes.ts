import {
  billingMonthStarts,
  jalaliMonthStartsBetween,
  meterEndsAt,
  type RatePeriod,
  type ServerStatus,
  type VatRateBasisPoints,
} from "@peykarband/domain";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { serverMeters, serverRatePeriods } from "../database/schema.ts";
import type { Tx } from "../wallet/ledger-write.ts";

/**
 * The meter of a new server, in the order's transaction: the order's charge is its prepayment, and
 * our share of it is the same less the markup on its first hour.
 */
export async function openMeter(
  tx: Tx,
  meter: { serverId: string; userId: string; prepaidRials: bigint; rate: RatePeriod },
): Promise<void> {
  const { rate } = meter;
  await tx.insert(serverMeters).values({
    serverId: meter.serverId,
    userId: meter.userId,
    startedAt: rate.startsAt,
    prepaidRials: meter.prepaidRials,
    settledUntil: rate.startsAt,
    settledRials: 0n,
    ourPrepaidRials: meter.prepaidRials - (rate.hourlyRate.amount - rate.ourHourlyRate.amount),
    ourSettledRials: 0n,
  });
  await tx.insert(serverRatePeriods).values({
    serverId: meter.serverId,
    startsAt: rate.startsAt,
    planId: rate.planId,
    hourlyRate: rate.hourlyRate.amount,
    monthlyCap: rate.monthlyCap.amount,
    ourHourlyRate: rate.ourHourlyRate.amount,
    ourMonthlyCap: rate.ourMonthlyCap.amount,
  });
}

/**
 * The meter follows a server change, in its transaction: a new rate period from a resize (never
 * before what is already settled), the end at DELETED (at least the minimum after the order), void
 * at FAILED; then its usage (and the VAT on it) is settled up to the change.
 */
export async function followServerChange(
  tx: Tx,
  change: { serverId: string; to: ServerStatus; statusMoved: boolean; at: Date; rate?: RatePeriod },
  vatRate: VatRateBasisPoints,
): Promise<void> {
  const { serverId, at, rate } = change;
  if (rate) {
    await tx.execute(sql`
      insert into ${serverRatePeriods} (server_id, starts_at, plan_id, hourly_rate, monthly_cap, our_hourly_rate, our_monthly_cap)
      select server_id, greatest(${rate.startsAt.toISOString()}::timestamptz, settled_until), ${rate.planId},
        ${rate.hourlyRate.amount}, ${rate.monthlyCap.amount}, ${rate.ourHourlyRate.amount}, ${rate.ourMonthlyCap.amount}
      from ${serverMeters} where server_id = ${serverId}
      on conflict (server_id, starts_at) do update
        set plan_id = excluded.plan_id, hourly_rate = excluded.hourly_rate, monthly_cap = excluded.monthly_cap,
          our_hourly_rate = excluded.our_hourly_rate, our_monthly_cap = excluded.our_monthly_cap`);
  }
  if (change.to === "DELETED") {
    const [meter] = await tx
      .select({ startedAt: serverMeters.startedAt })
      .from(serverMeters)
      .where(eq(serverMeters.serverId, serverId));
    if (meter) {
      await tx
        .update(serverMeters)
        .set({ endsAt: meterEndsAt(meter.startedAt, at) })
        .where(and(eq(serverMeters.serverId, serverId), sql`${serverMeters.endsAt} is null`));
    }
  }
  if (change.to === "FAILED") {
    await tx
      .update(serverMeters)
      .set({ voidedAt: at })
      .where(and(eq(serverMeters.serverId, serverId), sql`${serverMeters.voidedAt} is null`));
  }
  if (change.statusMoved || rate) await settleMeters(tx, at, [serverId], vatRate);
}

/**
 * `billing_settle` (migration 0017) over the given servers, or all when null, up to `until`,
 * collecting VAT at `vatRate` with each usage posting and paying resellers their margin. A
 * window never spans a Jalali month start: meters left before one are first settled up to it
 * (each such call is a no-op for meters already past it), so every usage posting lies in one month
 * and an invoice takes whole postings. The month starts come from the domain's calendar, so the
 * database needs none of its own.
 */
export async function settleMeters(
  db: Db | Tx,
  until: Date,
  serverIds: readonly string[] | null,
  vatRate: VatRateBasisPoints,
): Promise<number> {
  const ids = serverIds === null ? null : `{${serverIds.join(",")}}`;
  const [oldest] = await db
    .select({
      settledUntil: sql<
        string | null
      >`floor(extract(epoch from min(${serverMeters.settledUntil})) * 1000)::bigint::text`,
    })
    .from(serverMeters)
    .where(
      and(
        eq(serverMeters.settledFinal, false),
        sql`${serverMeters.voidedAt} is null`,
        sql`(${ids}::uuid[] is null or ${serverMeters.serverId} = any(${ids}::uuid[]))`,
      ),
    );
  const from = oldest?.settledUntil ? new Date(Number(oldest.settledUntil)) : until;
  const boundaries = jalaliMonthStartsBetween(from, until).filter((start) => start > from && start < until);
  let settled = 0;
  for (const boundary of [...boundaries, until]) settled += await settleOnce(db, boundary, ids, vatRate);
  return settled;
}

async function settleOnce(
  db: Db | Tx,
  until: Date,
  ids: string | null,
  vatRate: VatRateBasisPoints,
): Promise<number> {
  const months = `{${billingMonthStarts(until)
    .map((d) => d.toISOString())
    .join(",")}}`;
  const [row] = await db
    .select({ settled: sql<number>`settled.n` })
    .from(
      sql`billing_settle(${until.toISOString()}::timestamptz, ${ids}::uuid[], ${months}::timestamptz[], ${vatRate}::integer) as settled(n)`,
    );
  return Number(row?.settled ?? 0);
}
