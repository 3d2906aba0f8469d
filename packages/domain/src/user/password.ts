import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

export type PasswordError = DomainError<"PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG">;

/** OWASP ASVS 2.1: at least 10 characters with 2FA available; an upper bound keeps hashing cheap to refuse. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** A password as the user chose it. Never logged, never stored: only its argon2id hash is. */
export class Password {
  private constructor(readonly secret: string) {}

  static parse(input: string, field: readonly string[] = ["password"]): Result<Password, PasswordError> {
    const length = [...input].length;
    if (length < PASSWORD_MIN_LENGTH) {
      return err(
        domainError(
          "PASSWORD_TOO_SHORT",
          `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`,
          field,
        ),
      );
    }
    if (length > PASSWORD_MAX_LENGTH) {
      return err(
        domainError(
          "PASSWORD_TOO_LONG",
          `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`,
          field,
        ),
      );
    }
    return ok(new Password(input));
  }

  /** Redacts the secret wherever the object is printed or serialized by mistake. */
  toString(): string {
    return "[password]";
  }

  toJSON(): string {
    return "[password]";
  }
}
