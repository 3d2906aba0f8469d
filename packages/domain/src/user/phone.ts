import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";
import { toAsciiDigits } from "../shared/digits.ts";

export type PhoneError = DomainError<"INVALID_PHONE">;

/**
 * An Iranian mobile number, stored in E.164 (+989xxxxxxxxx). Accepts what people type:
 * 09xx..., +989xx..., 00989xx..., 989xx..., 9xx..., with Persian or Arabic digits, spaces and dashes.
 */
export class Phone {
  private constructor(readonly e164: string) {}

  static parse(input: string, field: readonly string[] = ["phone"]): Result<Phone, PhoneError> {
    const compact = toAsciiDigits(input.normalize("NFKC")).replace(/[\s\-()]/g, "");
    const match = /^(?:\+98|0098|98|0)?(9\d{9})$/.exec(compact);
    if (!match) {
      return err(domainError("INVALID_PHONE", "Enter an Iranian mobile number such as 09121234567.", field));
    }
    return ok(new Phone(`+98${match[1]}`));
  }

  /** Rebuilds a value read back from storage, where it was already validated. */
  static fromE164(e164: string): Phone {
    const parsed = Phone.parse(e164);
    if (!parsed.ok) throw new Error(`stored phone is not valid E.164: ${e164}`);
    return parsed.value;
  }

  toString(): string {
    return this.e164;
  }
}
