import { Rial } from "../money/rial.ts";
import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

/** What the provider charges us for a plan, and how we turn it into rials. */
export interface ProviderCost {
  /** The provider's monthly price in its currency's minor units: 600 for $6.00, 459 for €4.59. */
  readonly monthlyMinorUnits: bigint;
  /** Minor units in one major unit of that currency: 100 for USD and EUR. */
  readonly minorUnitsPerUnit: bigint;
  /** Rials for one major unit (one dollar, one euro), as the operators set it. */
  readonly rialsPerUnit: bigint;
  /** Our markup on top of the cost, in whole percent, 0 to 1000. */
  readonly markupPercent: number;
}

export interface PlanPrices {
  readonly monthly: Rial;
  readonly hourly: Rial;
}

/** Prices are whole thousands of rials (one hundred toman): what customers read on a price list. */
export const PRICE_STEP = 1_000n;
/** Hours in a billing month: 365 × 24 / 12, as DigitalOcean, Hetzner and OVH count it. */
export const HOURS_PER_MONTH = 730n;

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;
const ceilToStep = (numerator: bigint, denominator: bigint): bigint =>
  ceilDiv(numerator, denominator * PRICE_STEP) * PRICE_STEP;

/**
 * A plan's prices in rials, exactly (bigint all the way, no float): monthly = cost × rate ×
 * (100 + markup) / 100, rounded UP to whole 1,000 rials; hourly = monthly / 730, also rounded UP to
 * whole 1,000 rials. Rounding up means we never sell below cost plus markup; 730 hours at the
 * hourly price may come to a little more than the monthly one, which is why billing caps a month
 * at the monthly price.
 */
export function planPrices(cost: ProviderCost): Result<PlanPrices, DomainError<"INVALID_PRICE">> {
  const { monthlyMinorUnits, minorUnitsPerUnit, rialsPerUnit, markupPercent } = cost;
  if (
    monthlyMinorUnits <= 0n ||
    minorUnitsPerUnit <= 0n ||
    rialsPerUnit <= 0n ||
    !Number.isInteger(markupPercent) ||
    markupPercent < 0 ||
    markupPercent > 1000
  ) {
    return err(
      domainError(
        "INVALID_PRICE",
        "A cost and a rate are positive whole numbers and a markup is 0 to 1000 percent.",
      ),
    );
  }
  const monthly = ceilToStep(
    monthlyMinorUnits * rialsPerUnit * (100n + BigInt(markupPercent)),
    minorUnitsPerUnit * 100n,
  );
  const hourly = ceilToStep(monthly, HOURS_PER_MONTH);
  return ok({ monthly: Rial.of(monthly), hourly: Rial.of(hourly) });
}
