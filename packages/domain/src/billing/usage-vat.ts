import { Rial } from "../money/rial.ts";
import { vatOn, type VatRateBasisPoints } from "./invoice.ts";
import { accruedUntil, type ServerMeter } from "./server-meter.ts";

/**
 * VAT is collected with usage, carried like usage's own remainder: everything a server has
 * accrued from its order to `t` bears `vatOn(accrued)` (half up, once), and each posting collects
 * that less what earlier postings collected. A server's VAT postings thus sum to the VAT on its
 * total usage, rounded once; a month's sum to the VAT at its end less the VAT at its start.
 */
export const usageVatUntil = (meter: ServerMeter, t: Date, rate: VatRateBasisPoints): Rial =>
  Rial.of(vatOn(accruedUntil(meter, t).amount, rate));

/** The VAT postings of the meter's windows within [from, to) collect this much. */
export const usageVatBetween = (meter: ServerMeter, from: Date, to: Date, rate: VatRateBasisPoints): Rial =>
  usageVatUntil(meter, to, rate).minus(usageVatUntil(meter, from, rate));

/** The VAT the next posting would collect if the meter were settled up to `until`. */
export function vatUntil(meter: ServerMeter, until: Date, rate: VatRateBasisPoints): Rial {
  if (meter.isVoid || meter.isSettledFinal) return Rial.zero;
  return usageVatUntil(meter, until, rate).minus(Rial.of(vatOn(meter.settled.amount, rate)));
}
