import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

export type EmailError = DomainError<"INVALID_EMAIL">;

const MAX_LENGTH = 254;
// Deliberately plain: one "@", no spaces or control characters, a dotted domain.
const SHAPE = /^[^\s@\p{Cc}\p{Cf}]{1,64}@[^\s@\p{Cc}\p{Cf}]+\.[^\s@\p{Cc}\p{Cf}]{2,}$/u;

/**
 * An email address in its canonical form: Unicode NFKC, trimmed and lower-cased, so that
 * addresses differing only in case or Unicode form are the same account.
 */
export class Email {
  private constructor(readonly value: string) {}

  static parse(input: string, field: readonly string[] = ["email"]): Result<Email, EmailError> {
    const canonical = input.normalize("NFKC").trim().toLowerCase();
    if (canonical.length > MAX_LENGTH || !SHAPE.test(canonical)) {
      return err(domainError("INVALID_EMAIL", "Enter a valid email address.", field));
    }
    return ok(new Email(canonical));
  }

  toString(): string {
    return this.value;
  }
}
