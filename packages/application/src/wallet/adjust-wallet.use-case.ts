import {
  adminAdjustmentTransaction,
  domainError,
  err,
  ok,
  Rial,
  type DomainError,
  type LedgerTransaction,
  type Result,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { LedgerDebitOutcome } from "../ports/wallet-ledger.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { parseIdempotencyKey } from "./idempotency-key.ts";
import type { WalletDeps } from "./wallet-deps.ts";
import type { AdjustWalletErrorCode } from "./wallet-errors.ts";

export interface AdjustWalletInput {
  readonly userId: string;
  /** Signed whole rials as a decimal string: "250000" credits the wallet, "-250000" takes from it. */
  readonly amount: string;
  /** Why, for the customer's statement and the audit log. Required. */
  readonly reason: string;
  /** Same key and same adjustment → the first result; same key and another one → IDEMPOTENCY_KEY_REUSED. */
  readonly idempotencyKey?: string | null;
  /** A TOTP or recovery code, when the session has not proved a second factor in the last minutes. */
  readonly totpCode?: string | null;
}

export interface WalletAdjusted {
  readonly transaction: LedgerTransaction;
  readonly balance: Rial;
  readonly replayed: boolean;
}

type AdjustResult = Result<WalletAdjusted, DomainError<AdjustWalletErrorCode>>;

/**
 * ADMIN only: credits or debits a wallet by hand, against the ADJUSTMENTS account, with a reason,
 * in the ledger and the audit log. A debit never takes the wallet below zero. An admin cannot
 * adjust their own wallet: another admin must.
 */
export async function adjustWallet(
  deps: WalletDeps,
  input: AdjustWalletInput,
  ctx: RequestContext,
): Promise<AdjustResult> {
  const admin = requireRole(ctx, ["ADMIN"]);
  const steppedUp = await deps.stepUp(ctx, input.totpCode);
  if (!steppedUp.ok) return steppedUp;
  const parsed = Rial.parse(input.amount);
  if (!parsed.ok) {
    return parsed.error.code === "AMOUNT_OUT_OF_RANGE"
      ? tooLarge(deps.policy.adjustmentCeiling)
      : err({ ...parsed.error, code: "INVALID_AMOUNT" });
  }
  const amount = parsed.value;
  const size = amount.isNegative() ? amount.negate() : amount;
  if (size.compare(deps.policy.adjustmentCeiling) > 0) return tooLarge(deps.policy.adjustmentCeiling);
  const key = input.idempotencyKey != null ? parseIdempotencyKey(input.idempotencyKey) : null;
  if (key && !key.ok) return key;
  if (input.userId === admin.userId) {
    return err(domainError("CANNOT_ADJUST_OWN_WALLET", "Another admin must adjust your wallet.", ["userId"]));
  }
  if (!(await deps.users.findById(input.userId))) {
    return err(domainError("USER_NOT_FOUND", "No such user.", ["userId"]));
  }

  const id = deps.ids.newId();
  const built = adminAdjustmentTransaction({
    id,
    userId: input.userId,
    amount,
    // Keys are the admin's own: two admins' keys never collide.
    reference: key ? `${admin.userId}:${key.value}` : id,
    reason: input.reason,
    at: deps.clock.now(),
  });
  if (!built.ok) {
    const { code } = built.error;
    if (code === "INVALID_AMOUNT" || code === "INVALID_REASON") return err({ ...built.error, code });
    throw new Error(`adjustment transaction could not be built: ${built.error.message}`);
  }
  const transaction = built.value;
  const outcome: LedgerDebitOutcome = amount.isNegative()
    ? await deps.ledger.debit(transaction)
    : await deps.ledger.post(transaction);

  if (outcome.status === "INSUFFICIENT_FUNDS") {
    return err(
      domainError("INSUFFICIENT_FUNDS", `The wallet holds ${outcome.balance} rials, less than the debit.`, [
        "amount",
      ]),
    );
  }
  if (outcome.status === "DUPLICATE") {
    const same =
      outcome.transaction.sameMovementAs(transaction) && outcome.transaction.reason === transaction.reason;
    if (!same) {
      return err(
        domainError("IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for another adjustment.", [
          "idempotencyKey",
        ]),
      );
    }
    return ok({
      transaction: outcome.transaction,
      balance: await deps.ledger.balance(input.userId),
      replayed: true,
    });
  }
  await recordAudit(deps, ctx, amount.isNegative() ? "WALLET_DEBITED_BY_ADMIN" : "WALLET_CREDITED_BY_ADMIN", {
    subjectId: input.userId,
    details: { amount: amount.toString(), reason: transaction.reason, transactionId: transaction.id },
  });
  return ok({ transaction, balance: await deps.ledger.balance(input.userId), replayed: false });
}

const tooLarge = (ceiling: Rial): AdjustResult =>
  err(domainError("AMOUNT_TOO_LARGE", `An adjustment is at most ${ceiling} rials either way.`, ["amount"]));
