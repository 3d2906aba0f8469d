import { Rial, type RatePeriod, type ServerMeter } from "@peykarband/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { serverMeters, serverRatePeriods } from "../database/schema.ts";

type MeterRow = typeof serverMeters.$inferSelect;
type PeriodRow = typeof serverRatePeriods.$inferSelect;

const toPeriod = (row: PeriodRow): RatePeriod => ({
  startsAt: row.startsAt,
  planId: row.planId,
  hourlyRate: Rial.of(row.hourlyRate),
  monthlyCap: Rial.of(row.monthlyCap),
  ourHourlyRate: Rial.of(row.ourHourlyRate),
  ourMonthlyCap: Rial.of(row.ourMonthlyCap),
});

const toMeter = (row: MeterRow, periods: readonly PeriodRow[]): ServerMeter => ({
  serverId: row.serverId,
  userId: row.userId,
  startedAt: row.startedAt,
  endsAt: row.endsAt,
  isVoid: row.voidedAt !== null,
  prepaid: Rial.of(row.prepaidRials),
  settledUntil: row.settledUntil,
  settled: Rial.of(row.settledRials),
  isSettledFinal: row.settledFinal,
  periods: periods.map(toPeriod),
});

/** Meters with their rate periods, two reads whatever their number. */
export async function readMeters(
  db: Db,
  where: { serverIds: readonly string[] } | { openOfUser: string },
): Promise<ServerMeter[]> {
  const rows = await db
    .select()
    .from(serverMeters)
    .where(
      "serverIds" in where
        ? inArray(serverMeters.serverId, [...where.serverIds])
        : and(
            eq(serverMeters.userId, where.openOfUser),
            isNull(serverMeters.voidedAt),
            eq(serverMeters.settledFinal, false),
          ),
    );
  if (rows.length === 0) return [];
  const periods = await db
    .select()
    .from(serverRatePeriods)
    .where(
      inArray(
        serverRatePeriods.serverId,
        rows.map((row) => row.serverId),
      ),
    )
    .orderBy(asc(serverRatePeriods.serverId), asc(serverRatePeriods.startsAt));
  const byServer = new Map<string, PeriodRow[]>();
  for (const period of periods)
    byServer.set(period.serverId, [...(byServer.get(period.serverId) ?? []), period]);
  return rows.map((row) => toMeter(row, byServer.get(row.serverId) ?? []));
}
