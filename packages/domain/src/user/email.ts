import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

export type EmailError = DomainError<"INVALID_EMAIL">;

const MAX_LENGTH = 254;
// The unquoted forms of RFC 5322 (letters of any script allowed, as RFC 6531 does), and a
// dotted domain of letters, digits and inner hyphens: no spaces, quotes, brackets or controls.
const LOCAL = String.raw`[\p{L}\p{M}\p{N}!#$%&'*+/=?^_\x60{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_\x60{|}~-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const SHAPE = new RegExp(
  String.raw`^(?=[^@]{1,64}@)${LOCAL}@(?:${LABEL}\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$`,
  "u",
);

/**
 * An email address in its canonical form: Unicode NFKC, trimmed and lower-cased, so that
 * addresses differing only in case or Unicode form are the same account.
 */
export class Email {
  private constructor(readonly value: string) {}

  static parse(input: string, field: readonly string[] = ["email"]): Result<Email, EmailError> {
    const canonical = Email.canonicalText(input);
    if (canonical.length > MAX_LENGTH || !SHAPE.test(canonical)) {
      return err(domainError("INVALID_EMAIL", "Enter a valid email address.", field));
    }
    return ok(new Email(canonical));
  }

  /**
   * Any text, a whole address or its start, in the form `parse` stores: what a search by email
   * compares with stored addresses, so that it matches whatever case or Unicode form was typed.
   */
  static canonicalText(input: string): string {
    return input.normalize("NFKC").trim().toLowerCase();
  }

  toString(): string {
    return this.value;
  }
}
