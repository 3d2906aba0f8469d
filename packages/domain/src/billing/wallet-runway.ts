import type { Rial } from "../money/rial.ts";
import type { VatRateBasisPoints } from "./invoice.ts";
import { accruedUntil, chargeUntil, MS_PER_HOUR, rateAt, type ServerMeter } from "./server-meter.ts";
import { vatUntil } from "./usage-vat.ts";

const BASIS = 10_000n;

/**
 * When a wallet holding `balance` runs out if its servers keep accruing at today's rates, VAT
 * included: the balance less what has accrued and is not settled yet (and its VAT), plus what is
 * left of prepayments, spent at the sum of the rates plus VAT. Null when nothing accrues; `now`
 * when it has already run out. Month caps are ignored, so the answer errs early, never late.
 */
export function walletRunsOutAt(
  balance: Rial,
  meters: readonly ServerMeter[],
  now: Date,
  vatRate: VatRateBasisPoints,
): Date | null {
  let rate = 0n;
  let left = balance.amount;
  for (const meter of meters) {
    rate += rateAt(meter, now).amount;
    left -= chargeUntil(meter, now).amount + vatUntil(meter, now, vatRate).amount;
    if (!meter.isVoid && meter.endsAt === null) {
      const unused = meter.prepaid.amount - accruedUntil(meter, now).amount;
      if (unused > 0n) left += unused;
    }
  }
  if (rate === 0n) return null;
  if (left <= 0n) return now;
  const spentPerHour = rate * (BASIS + BigInt(vatRate));
  return new Date(now.getTime() + Number((left * MS_PER_HOUR * BASIS) / spentPerHour));
}
