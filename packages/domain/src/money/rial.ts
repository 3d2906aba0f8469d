import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";
import { toAsciiDigits } from "../shared/digits.ts";

/** The largest amount a PostgreSQL bigint column can hold. */
const MAX = 2n ** 63n - 1n;
const MIN = -MAX;

export type RialError = DomainError<"INVALID_AMOUNT" | "AMOUNT_OUT_OF_RANGE">;

/** An amount of Iranian rials. Integer only: there is no fractional rial and no float anywhere. */
export class Rial {
  static readonly zero = new Rial(0n);

  private constructor(readonly amount: bigint) {}

  static of(amount: bigint): Rial {
    if (amount > MAX || amount < MIN) throw new RangeError(`rial amount out of range: ${amount}`);
    return amount === 0n ? Rial.zero : new Rial(amount);
  }

  /** Parses a decimal integer string ("1250000", Persian digits allowed), as clients send it. */
  static parse(input: string, field: readonly string[] = ["amount"]): Result<Rial, RialError> {
    const text = toAsciiDigits(input.trim());
    if (!/^-?\d{1,25}$/.test(text)) {
      return err(domainError("INVALID_AMOUNT", "Amount must be a whole number of rials.", field));
    }
    const amount = BigInt(text);
    if (amount > MAX || amount < MIN) {
      return err(domainError("AMOUNT_OUT_OF_RANGE", "Amount is too large.", field));
    }
    return ok(Rial.of(amount));
  }

  plus(other: Rial): Rial {
    return Rial.of(this.amount + other.amount);
  }

  minus(other: Rial): Rial {
    return Rial.of(this.amount - other.amount);
  }

  negate(): Rial {
    return Rial.of(-this.amount);
  }

  isPositive(): boolean {
    return this.amount > 0n;
  }

  isNegative(): boolean {
    return this.amount < 0n;
  }

  compare(other: Rial): -1 | 0 | 1 {
    return this.amount < other.amount ? -1 : this.amount > other.amount ? 1 : 0;
  }

  equals(other: Rial): boolean {
    return this.amount === other.amount;
  }

  toString(): string {
    return this.amount.toString();
  }

  toJSON(): string {
    return this.toString();
  }
}
