import {
  domainError,
  err,
  ok,
  Rial,
  resellerTransferTransaction,
  type DomainError,
  type LedgerTransaction,
  type Result,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { parseIdempotencyKey } from "../wallet/idempotency-key.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";
import { customerOfViewer } from "./customer-reads.ts";
import type { TransferToCustomerErrorCode } from "./reseller-errors.ts";

export interface TransferToCustomerInput {
  readonly customerId: string;
  /** Whole rials as a decimal string, more than zero. */
  readonly amount: string;
  /** Same key and same transfer → the first result; same key and another one → IDEMPOTENCY_KEY_REUSED. */
  readonly idempotencyKey: string;
}

export interface CustomerFunded {
  readonly transaction: LedgerTransaction;
  /** The reseller's balance after the transfer. */
  readonly balance: Rial;
  readonly resellerId: string;
  readonly customerId: string;
  readonly replayed: boolean;
}

type TransferResult = Result<CustomerFunded, DomainError<TransferToCustomerErrorCode>>;

/**
 * RESELLER only: moves money from its wallet to one of its customers' in one ledger transaction,
 * refused whole (nothing written) when the reseller's wallet does not cover it, however many run at once.
 */
export async function transferToCustomer(
  deps: WalletDeps,
  input: TransferToCustomerInput,
  ctx: RequestContext,
): Promise<TransferResult> {
  const reseller = requireRole(ctx, ["RESELLER"]);
  const amount = Rial.parse(input.amount);
  if (!amount.ok) return err({ ...amount.error, code: "INVALID_AMOUNT" });
  const key = parseIdempotencyKey(input.idempotencyKey);
  if (!key.ok) return key;
  const customer = await customerOfViewer(deps, input.customerId, ctx);
  if (!customer) return err(domainError("CUSTOMER_NOT_FOUND", "You have no such customer.", ["customerId"]));

  const built = resellerTransferTransaction({
    id: deps.ids.newId(),
    resellerId: reseller.userId,
    customerId: customer.id,
    amount: amount.value,
    idempotencyKey: key.value,
    at: deps.clock.now(),
  });
  if (!built.ok) {
    if (built.error.code === "INVALID_AMOUNT") return err({ ...built.error, code: "INVALID_AMOUNT" });
    throw new Error(`transfer transaction could not be built: ${built.error.message}`);
  }
  const outcome = await deps.ledger.debit(built.value);
  if (outcome.status === "INSUFFICIENT_FUNDS") {
    return err(
      domainError(
        "INSUFFICIENT_FUNDS",
        `Your wallet holds ${outcome.balance} rials, less than the transfer.`,
        ["amount"],
      ),
    );
  }
  const balance = () => deps.ledger.balance(reseller.userId);
  if (outcome.status === "DUPLICATE") {
    if (!outcome.transaction.sameMovementAs(built.value)) {
      return err(
        domainError("IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for another transfer.", [
          "idempotencyKey",
        ]),
      );
    }
    return ok({
      transaction: outcome.transaction,
      balance: await balance(),
      resellerId: reseller.userId,
      customerId: customer.id,
      replayed: true,
    });
  }
  await recordAudit(deps, ctx, "CUSTOMER_FUNDED", {
    subjectId: customer.id,
    details: { amount: amount.value.toString(), transactionId: outcome.transaction.id },
  });
  return ok({
    transaction: outcome.transaction,
    balance: await balance(),
    resellerId: reseller.userId,
    customerId: customer.id,
    replayed: false,
  });
}
