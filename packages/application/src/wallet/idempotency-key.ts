import { domainError, err, ok, type DomainError, type Result } from "@peykarband/domain";

/**
 * Idempotency keys (docs/api.md): every mutation that moves money takes one. Same key and same input
 * → the first result; same key and other input → IDEMPOTENCY_KEY_REUSED. There is no separate
 * key table: the row the mutation creates is the record, under a unique index that includes the
 * key (payments: (user_id, idempotency_key); ledger: the transaction's reference), so the key is
 * claimed in the same statement that does the work, and a crash cannot leave one without the other.
 */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;

const KEY = /^[\x21-\x7e]{1,100}$/;

export function parseIdempotencyKey(
  input: string,
  field: readonly string[] = ["idempotencyKey"],
): Result<string, DomainError<"INVALID_IDEMPOTENCY_KEY">> {
  return KEY.test(input)
    ? ok(input)
    : err(
        domainError(
          "INVALID_IDEMPOTENCY_KEY",
          `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters without spaces (a UUID will do).`,
          field,
        ),
      );
}
