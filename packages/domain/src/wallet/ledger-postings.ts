import { Rial } from "../money/rial.ts";
import type { Payment } from "../payment/payment.ts";
import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, type Result } from "../shared/result.ts";
import { LedgerAccounts } from "./ledger-account.ts";
import { LedgerTransaction, type LedgerTransactionErrorCode } from "./ledger-transaction.ts";

/**
 * The business's posting rules: which accounts each movement touches. Adapters and use cases
 * build transactions only through these, so the rules live in one place.
 */

/** The reference of a payment's credit; one payment can credit at most once. */
export const topUpReference = (paymentId: string): string => `top-up:${paymentId}`;

/** Caller references are namespaced, so a capability's reference can never collide with a top-up's. */
export const debitReference = (reference: string): string => `debit:${reference}`;

export const adjustmentReference = (key: string): string => `admin-adjust:${key}`;

/** A paid payment: the gateway owes us the amount, the customer may spend it. */
export function topUpTransaction(input: {
  id: string;
  payment: Payment;
  referenceId: string;
  at: Date;
}): LedgerTransaction {
  const { payment } = input;
  const built = LedgerTransaction.create({
    id: input.id,
    kind: "TOP_UP",
    reference: topUpReference(payment.id),
    reason: `Top-up through ${payment.gateway}, bank reference ${input.referenceId}`,
    entries: [
      { account: LedgerAccounts.wallet(payment.userId), amount: payment.amount },
      { account: LedgerAccounts.clearing(payment.gateway), amount: payment.amount.negate() },
    ],
    createdAt: input.at,
  });
  // A stored payment always has a positive amount and an id: failing here is a bug, not input.
  if (!built.ok) throw new Error(`top-up transaction for payment ${payment.id}: ${built.error.message}`);
  return built.value;
}

export type WalletMovementErrorCode = LedgerTransactionErrorCode | "INVALID_AMOUNT";

/** Another capability charges the wallet: the money becomes revenue. */
export function walletDebitTransaction(input: {
  id: string;
  userId: string;
  amount: Rial;
  reference: string;
  reason: string;
  at: Date;
}): Result<LedgerTransaction, DomainError<WalletMovementErrorCode>> {
  if (!input.amount.isPositive()) {
    return err(domainError("INVALID_AMOUNT", "A debit is a positive number of rials.", ["amount"]));
  }
  // Checked before the prefix, which would otherwise make an empty reference look like one.
  if (!input.reference.trim()) {
    return err(domainError("INVALID_REFERENCE", "A debit needs the caller's reference.", ["reference"]));
  }
  return LedgerTransaction.create({
    id: input.id,
    kind: "DEBIT",
    reference: debitReference(input.reference.trim()),
    reason: input.reason,
    entries: [
      { account: LedgerAccounts.wallet(input.userId), amount: input.amount.negate() },
      { account: LedgerAccounts.revenue, amount: input.amount },
    ],
    createdAt: input.at,
  });
}

/** Staff correct a wallet by hand: positive credits it, negative takes from it; ADJUSTMENTS balances. */
export function adminAdjustmentTransaction(input: {
  id: string;
  userId: string;
  amount: Rial;
  reference: string;
  reason: string;
  at: Date;
}): Result<LedgerTransaction, DomainError<WalletMovementErrorCode>> {
  if (input.amount.equals(Rial.zero)) {
    return err(domainError("INVALID_AMOUNT", "An adjustment of zero rials moves nothing.", ["amount"]));
  }
  return LedgerTransaction.create({
    id: input.id,
    kind: input.amount.isPositive() ? "ADMIN_CREDIT" : "ADMIN_DEBIT",
    reference: adjustmentReference(input.reference),
    reason: input.reason,
    entries: [
      { account: LedgerAccounts.wallet(input.userId), amount: input.amount },
      { account: LedgerAccounts.adjustments, amount: input.amount.negate() },
    ],
    createdAt: input.at,
  });
}

export const resellerTransferReference = (resellerId: string, key: string): string =>
  `reseller-transfer:${resellerId}:${key}`;

/** A reseller funds one of its customers: money leaves the reseller's wallet for the customer's. */
export function resellerTransferTransaction(input: {
  id: string;
  resellerId: string;
  customerId: string;
  amount: Rial;
  idempotencyKey: string;
  at: Date;
}): Result<LedgerTransaction, DomainError<WalletMovementErrorCode>> {
  if (!input.amount.isPositive()) {
    return err(domainError("INVALID_AMOUNT", "A transfer is a positive number of rials.", ["amount"]));
  }
  return LedgerTransaction.create({
    id: input.id,
    kind: "RESELLER_TRANSFER",
    reference: resellerTransferReference(input.resellerId, input.idempotencyKey),
    reason: "Funds from your reseller",
    entries: [
      { account: LedgerAccounts.wallet(input.resellerId), amount: input.amount.negate() },
      { account: LedgerAccounts.wallet(input.customerId), amount: input.amount },
    ],
    createdAt: input.at,
  });
}
