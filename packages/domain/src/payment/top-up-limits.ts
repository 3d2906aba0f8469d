import { Rial } from "../money/rial.ts";
import { domainError, type DomainError } from "../shared/domain-error.ts";
import { toAsciiDigits } from "../shared/digits.ts";
import { err, ok, type Result } from "../shared/result.ts";
import type { PaymentGatewayName } from "./payment-gateway-name.ts";

export interface AmountRange {
  readonly min: Rial;
  readonly max: Rial;
}

/**
 * What each gateway accepts per payment, in rials (docs/providers.md §4, §5).
 *
 * Zarinpal: the official SDK refuses amounts under 1,000 (in the request's unit, rials by default)
 * and the merchant docs state a minimum of 1,000 toman; we take the stricter, 10,000 rials, so no
 * amount we accept is one the gateway may refuse. Its maximum is 100,000,000 toman (error -41).
 * IDPay: 1,000 to 500,000,000 rials.
 */
export const GATEWAY_AMOUNT_LIMITS: Readonly<Record<PaymentGatewayName, AmountRange>> = {
  ZARINPAL: { min: Rial.of(10_000n), max: Rial.of(1_000_000_000n) },
  IDPAY: { min: Rial.of(1_000n), max: Rial.of(500_000_000n) },
};

export const TOP_UP_AMOUNT_ERROR_CODES = ["INVALID_AMOUNT", "AMOUNT_TOO_SMALL", "AMOUNT_TOO_LARGE"] as const;
export type TopUpAmountErrorCode = (typeof TOP_UP_AMOUNT_ERROR_CODES)[number];

/**
 * Parses a top-up amount as the client sent it (a decimal string of whole rials) and checks it
 * against the gateway's range and our own ceiling, whichever is lower.
 */
export function parseTopUpAmount(
  input: string,
  gateway: PaymentGatewayName,
  ceiling: Rial,
  field: readonly string[] = ["amount"],
): Result<Rial, DomainError<TopUpAmountErrorCode>> {
  const limits = GATEWAY_AMOUNT_LIMITS[gateway];
  const max = ceiling.compare(limits.max) < 0 ? ceiling : limits.max;
  const parsed = Rial.parse(input, field);
  if (!parsed.ok) {
    // A long run of digits is a number, just a huge one: say so rather than "not a number".
    const digits = toAsciiDigits(input.trim());
    if (/^-\d+$/.test(digits)) {
      return err(domainError("AMOUNT_TOO_SMALL", `A top-up is at least ${limits.min} rials.`, field));
    }
    return parsed.error.code === "AMOUNT_OUT_OF_RANGE" || /^\d+$/.test(digits)
      ? err(domainError("AMOUNT_TOO_LARGE", `A top-up is at most ${max} rials.`, field))
      : err(domainError("INVALID_AMOUNT", "Amount must be a whole number of rials.", field));
  }
  const amount = parsed.value;
  if (amount.compare(limits.min) < 0) {
    return err(domainError("AMOUNT_TOO_SMALL", `A top-up is at least ${limits.min} rials.`, field));
  }
  if (amount.compare(max) > 0) {
    return err(domainError("AMOUNT_TOO_LARGE", `A top-up is at most ${max} rials.`, field));
  }
  return ok(amount);
}
