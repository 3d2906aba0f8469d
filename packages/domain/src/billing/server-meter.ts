import { Rial } from "../money/rial.ts";
import { jalaliMonthStartsBetween } from "./jalali-calendar.ts";

/** A span of a server's life at one price: from the order, then from each confirmed resize. */
export interface RatePeriod {
  readonly startsAt: Date;
  readonly planId: string;
  /** The plan's hourly price when the period began (the catalog as ordered, not as it is now). */
  readonly hourlyRate: Rial;
  /** The plan's monthly price then: the most one Jalali month of this period costs. */
  readonly monthlyCap: Rial;
  /**
   * Our own prices for the same plan then: below the rates above when a reseller's markup is on
   * them, the same otherwise. What the customer pays beyond them is the reseller's margin.
   */
  readonly ourHourlyRate: Rial;
  readonly ourMonthlyCap: Rial;
}

/**
 * What billing keeps per server: when it started accruing, its rate periods, how far it is
 * settled, and what the order prepaid. Accrual is a pure function of this and the clock.
 */
export interface ServerMeter {
  readonly serverId: string;
  readonly userId: string;
  /** The order. */
  readonly startedAt: Date;
  /** Where accrual stops: the later of deletion and startedAt + MINIMUM_BILLED_MS; null while it runs. */
  readonly endsAt: Date | null;
  /** The server FAILED: it accrues nothing (its prepayment is refunded with the failure). */
  readonly isVoid: boolean;
  /** The first hour charged at order: drawn down by accrual before the wallet is charged again. */
  readonly prepaid: Rial;
  /** Accrual before this instant is posted to the ledger. */
  readonly settledUntil: Date;
  /** Accrued rials up to settledUntil (the prepaid part included). */
  readonly settled: Rial;
  /** The final posting (which returns any unused prepayment) is written: nothing more to settle. */
  readonly isSettledFinal: boolean;
  /** Oldest first; each ends where the next begins, the last at endsAt (or runs on). */
  readonly periods: readonly RatePeriod[];
}

/** The shortest time a server is billed for, as the clouds do. */
export const MINIMUM_BILLED_MS = 60_000;
/** Accrual is exact in rial-milliseconds per hour: rate × ms, divided by this once, at the end. */
export const MS_PER_HOUR = 3_600_000n;

/** Where a deleted server's accrual stops: its deletion, but never less than the minimum after the order. */
export const meterEndsAt = (startedAt: Date, deletedAt: Date): Date =>
  new Date(Math.max(deletedAt.getTime(), startedAt.getTime() + MINIMUM_BILLED_MS));

const ms = (date: Date): bigint => BigInt(date.getTime());

/**
 * Rials accrued over `[from, to)` (clipped to the meter's life), rounded down once: each rate
 * period's share of each Jalali month is rate × milliseconds, capped at the period's monthly
 * price, and the sum of all shares is divided by one hour. Accrued from the order over any
 * instant t, `accruedUntil(meter, t)` is non-decreasing, so postings that each take
 * "accrued until now minus accrued until last time" sum to exactly the floor of the total: the
 * remainder below one rial is carried, never lost and never charged twice.
 */
export function accruedBetween(meter: ServerMeter, from: Date, to: Date): Rial {
  if (meter.isVoid) return Rial.zero;
  const start = Math.max(from.getTime(), meter.startedAt.getTime());
  const stop = Math.min(to.getTime(), meter.endsAt?.getTime() ?? Number.POSITIVE_INFINITY);
  if (stop <= start) return Rial.zero;
  let exact = 0n;
  meter.periods.forEach((period, i) => {
    const next = meter.periods[i + 1];
    const lo = Math.max(start, period.startsAt.getTime());
    const hi = Math.min(stop, next ? next.startsAt.getTime() : Number.POSITIVE_INFINITY);
    if (hi <= lo) return;
    const bounds = jalaliMonthStartsBetween(new Date(lo), new Date(hi)).map((d) => d.getTime());
    bounds.forEach((monthStart, j) => {
      const monthEnd = bounds[j + 1] ?? Number.POSITIVE_INFINITY;
      const a = BigInt(Math.max(lo, monthStart));
      const b = BigInt(Math.min(hi, monthEnd));
      if (b <= a) return;
      const share = (b - a) * period.hourlyRate.amount;
      const cap = period.monthlyCap.amount * MS_PER_HOUR;
      exact += share < cap ? share : cap;
    });
  });
  return Rial.of(exact / MS_PER_HOUR);
}

/** Everything accrued from the order to `t`. */
export const accruedUntil = (meter: ServerMeter, t: Date): Rial => accruedBetween(meter, meter.startedAt, t);

/**
 * What the wallet is charged for accrual up to `accrued`: nothing until the prepayment is used
 * up, the excess after; at the final posting, exactly what accrued, so an unused prepayment is
 * given back.
 */
export function billedFor(meter: ServerMeter, accrued: Rial, isFinal: boolean): Rial {
  if (isFinal) return accrued;
  return accrued.compare(meter.prepaid) > 0 ? accrued : meter.prepaid;
}

/** The next posting's wallet charge if the meter were settled up to `until` (negative: money back). */
export function chargeUntil(meter: ServerMeter, until: Date): Rial {
  if (meter.isVoid || meter.isSettledFinal) return Rial.zero;
  const isFinal = meter.endsAt !== null && meter.endsAt.getTime() <= until.getTime();
  const charged = billedFor(meter, meter.settled, false);
  return billedFor(meter, accruedUntil(meter, until), isFinal).minus(charged);
}

/** The rate the server accrues at, at `t`; zero when it does not (before order, after deletion, FAILED). */
export function rateAt(meter: ServerMeter, t: Date): Rial {
  const time = t.getTime();
  if (meter.isVoid || time < meter.startedAt.getTime()) return Rial.zero;
  if (meter.endsAt !== null && time >= meter.endsAt.getTime()) return Rial.zero;
  return periodAt(meter, t)?.hourlyRate ?? Rial.zero;
}

/** The rate period in force at `t` (the last one once the meter has ended). */
export function periodAt(meter: ServerMeter, t: Date): RatePeriod | null {
  let found: RatePeriod | null = null;
  for (const period of meter.periods) if (ms(period.startsAt) <= ms(t)) found = period;
  return found ?? meter.periods[0] ?? null;
}
