import type { LedgerTransaction, Payment, PaymentGatewayName } from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";

export type CreatePaymentOutcome =
  | { readonly created: true; readonly payment: Payment }
  /** The user already has a payment under this idempotency key; nothing was written. */
  | { readonly created: false; readonly existing: Payment };

/** How a PENDING payment ends. PAID carries the ledger transaction that credits the wallet. */
export type PaymentSettlement =
  | {
      readonly status: "PAID";
      readonly referenceId: string;
      readonly at: Date;
      readonly transaction: LedgerTransaction;
    }
  | { readonly status: "FAILED"; readonly reason: string; readonly at: Date }
  | { readonly status: "CANCELLED"; readonly at: Date };

export interface SettleOutcome {
  /** The payment as it is now. */
  readonly payment: Payment;
  /** True only for the one call that moved the payment out of PENDING. */
  readonly settled: boolean;
}

export interface PaymentCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface PaymentPage {
  /** Newest first. */
  readonly payments: Payment[];
  /** More payments lie beyond this page in the direction read. */
  readonly hasMore: boolean;
}

/**
 * Payments and their state. Adapters keep two unique indexes that make a double top-up
 * impossible even if a use case were wrong: (user_id, idempotency_key) and (gateway, authority).
 */
export interface PaymentRepository {
  /** Inserts a new PENDING payment, unless the user already has one under the same idempotency key. */
  create(payment: Payment): Promise<CreatePaymentOutcome>;
  /**
   * Stores the gateway's session (authority and redirect URL) on a PENDING payment that has none,
   * in one conditional UPDATE. Null, and nothing written, when the payment is gone, final or
   * already has an authority, or when another payment of the same gateway holds this authority.
   */
  attachAuthority(
    paymentId: string,
    session: { authority: string; redirectUrl: string },
  ): Promise<Payment | null>;
  findById(id: string): Promise<Payment | null>;
  /** By the gateway's reference (Zarinpal authority, IDPay id), unique per gateway. */
  findByGatewayReference(gateway: PaymentGatewayName, authority: string): Promise<Payment | null>;
  /**
   * Ends a PENDING payment, exactly once. In ONE database transaction: mark the payment with a
   * conditional `UPDATE payments SET status = … WHERE id = $1 AND status = 'PENDING'`, and, for
   * PAID, post `settlement.transaction` to the ledger exactly as `WalletLedger.post` does (entries,
   * wallet balance, unique reference). If the payment is already final (a replay, a concurrent
   * callback, reconciliation racing the callback) nothing is written and the current state is
   * returned with `settled: false`. If posting fails, the status change rolls back with it.
   */
  settle(paymentId: string, settlement: PaymentSettlement): Promise<SettleOutcome>;
  /**
   * PAID after all: the gateway confirms a payment we had ended FAILED or CANCELLED (the payer paid
   * after we gave up on the session). Like `settle`, in ONE transaction and exactly once, but
   * conditional on `status IN ('FAILED', 'CANCELLED')`; on a payment in any other state nothing is
   * written and `settled` is false.
   */
  settleLatePayment(
    paymentId: string,
    settlement: Extract<PaymentSettlement, { status: "PAID" }>,
  ): Promise<SettleOutcome>;
  /** One user's payments, or everyone's when `userId` is null; newest first, keyset-paged either way. */
  listByUser(query: { userId: string | null } & KeysetPageQuery<PaymentCursor>): Promise<PaymentPage>;
  /** How many payments `listByUser` pages through for this user (everyone's when null). */
  countByUser(userId: string | null): Promise<number>;
  /** PENDING payments created before `createdBefore`, oldest first: reconciliation's work list. */
  listPending(query: { createdBefore: Date; limit: number }): Promise<Payment[]>;
  /**
   * FAILED and CANCELLED payments that had a gateway session, created at or after `createdAfter`,
   * except those failed for one of `exceptReasons`; oldest first: sessions that may still be paid.
   */
  listRecentlyUnpaid(query: {
    createdAfter: Date;
    exceptReasons: readonly string[];
    limit: number;
  }): Promise<Payment[]>;
}
