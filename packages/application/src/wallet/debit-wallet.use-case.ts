import {
  domainError,
  err,
  ok,
  walletDebitTransaction,
  type DomainError,
  type LedgerTransaction,
  type Result,
  type Rial,
} from "@peykarband/domain";
import { AccessDeniedError } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "./wallet-deps.ts";
import type { DebitWalletErrorCode } from "./wallet-errors.ts";

export interface DebitWalletInput {
  readonly userId: string;
  /** Positive whole rials to take. */
  readonly amount: Rial;
  /**
   * The caller's idempotency reference, unique per movement and namespaced by the caller
   * (`server-order:<id>`, `billing:<serverId>:<hour>`): a retry with the same one charges once.
   */
  readonly reference: string;
  /** Shown on the customer's statement. */
  readonly reason: string;
}

export interface WalletDebited {
  readonly transaction: LedgerTransaction;
  /** True when the reference had been charged before and this call only returned that charge. */
  readonly replayed: boolean;
}

/**
 * Charges a wallet for another capability (server orders, hourly billing): atomic, never below
 * zero however many run at once (the ledger's conditional update decides), idempotent by
 * reference. Internal: not a GraphQL operation. A signed-in customer's context may only charge
 * their own wallet; a system context (no viewer, e.g. the billing job) or staff may charge any.
 */
export async function debitWallet(
  deps: WalletDeps,
  input: DebitWalletInput,
  ctx: RequestContext,
): Promise<Result<WalletDebited, DomainError<DebitWalletErrorCode>>> {
  const viewer = ctx.viewer;
  if (viewer && viewer.role !== "ADMIN" && viewer.role !== "SUPPORT" && viewer.userId !== input.userId) {
    throw new AccessDeniedError("FORBIDDEN");
  }
  const built = walletDebitTransaction({
    id: deps.ids.newId(),
    userId: input.userId,
    amount: input.amount,
    reference: input.reference,
    reason: input.reason,
    at: deps.clock.now(),
  });
  if (!built.ok) {
    const { code } = built.error;
    if (code === "INVALID_AMOUNT" || code === "INVALID_REFERENCE" || code === "INVALID_REASON") {
      return err({ ...built.error, code });
    }
    throw new Error(`debit transaction could not be built: ${built.error.message}`);
  }
  const outcome = await deps.ledger.debit(built.value);
  switch (outcome.status) {
    case "POSTED":
      return ok({ transaction: outcome.transaction, replayed: false });
    case "DUPLICATE":
      return outcome.transaction.sameMovementAs(built.value)
        ? ok({ transaction: outcome.transaction, replayed: true })
        : err(domainError("REFERENCE_REUSED", "This reference was used for another charge.", ["reference"]));
    case "INSUFFICIENT_FUNDS":
      return err(
        domainError(
          "INSUFFICIENT_FUNDS",
          `The wallet holds ${outcome.balance} rials, less than the charge.`,
          ["amount"],
        ),
      );
  }
}
