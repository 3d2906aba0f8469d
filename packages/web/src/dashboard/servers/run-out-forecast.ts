const HOUR_MS = 3_600_000;

/**
 * When the balance would run out with this plan as the only server: a forecast before ordering.
 * Once servers run, the wallet's own `runsOutAt` (from the API) takes every one of them into account.
 */
export function runsOutWith(balanceRials: string, hourlyPriceRials: string, now: Date): Date | null {
  const hourly = BigInt(hourlyPriceRials);
  if (hourly <= 0n) return null;
  const balance = BigInt(balanceRials);
  // Whole hours, then the rest by the minute: rials are integers, milliseconds need no more precision.
  const minutes = (balance * 60n) / hourly;
  return new Date(now.getTime() + Number(minutes) * (HOUR_MS / 60));
}
