import { Rial } from "../money/rial.ts";
import { jalaliMonthOf, jalaliMonthStart } from "./jalali-calendar.ts";
import { accruedBetween, periodAt, rateAt, type ServerMeter } from "./server-meter.ts";

/** What a customer sees of a server's bill for the month so far, computed from the clock. */
export interface ServerUsage {
  /** Accrued since periodStart, settled or not. */
  readonly accrued: Rial;
  /** What it accrues per hour now; zero once deleted or FAILED. */
  readonly ratePerHour: Rial;
  /** The most this month can cost at the current plan. */
  readonly monthCap: Rial;
  /** The later of the Jalali month's first instant (Tehran) and the order. */
  readonly periodStart: Date;
}

export function serverUsageAt(meter: ServerMeter, now: Date): ServerUsage {
  const monthStart = jalaliMonthStart(jalaliMonthOf(now));
  const periodStart = new Date(Math.max(monthStart.getTime(), meter.startedAt.getTime()));
  return {
    accrued: accruedBetween(meter, monthStart, now),
    ratePerHour: rateAt(meter, now),
    monthCap: meter.isVoid ? Rial.zero : (periodAt(meter, now)?.monthlyCap ?? Rial.zero),
    periodStart,
  };
}
