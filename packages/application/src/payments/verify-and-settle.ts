import { topUpTransaction, type Payment } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { GatewayFailure } from "../ports/payment-gateway.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";

/** The failure reason of a payment the gateway reports with another amount than ours. */
export const AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

export type SettleAttempt =
  /** PAID now or before; `credited` is true only for the one call that posted the credit. */
  | { readonly kind: "PAID"; readonly payment: Payment; readonly credited: boolean }
  /** FAILED or CANCELLED, now or before. */
  | { readonly kind: "NOT_PAID"; readonly payment: Payment }
  /** The gateway reported another amount than ours: FAILED, nothing credited. */
  | { readonly kind: "AMOUNT_MISMATCH"; readonly payment: Payment }
  /** Not paid, and the caller chose to leave the payment as it was (PENDING, or FAILED when rechecked). */
  | { readonly kind: "NOT_PAID_YET"; readonly payment: Payment }
  /** The gateway could not say: unchanged. */
  | { readonly kind: "UNVERIFIED"; readonly payment: Payment; readonly failure: GatewayFailure };

/**
 * What the gateway's "not paid" does to the payment. Verify cannot tell "not paid yet" from "never
 * will be", so only a caller that knows the session is over (past the payment window, or inquiry
 * said so) ends it; LEAVE keeps it as it is.
 */
export type WhenNotPaid = { status: "FAILED"; reason: string } | { status: "CANCELLED" } | "LEAVE";

/**
 * Asks the gateway, server to server, whether a payment was paid, and settles it once. Shared by
 * the callback and reconciliation: either may run first, both may run at once, and a crash may
 * fall between the gateway's verify and our commit; the gateway answers a repeated verify with
 * ALREADY_VERIFIED and settling is a no-op on a payment already settled, so the credit happens
 * exactly once. A FAILED or CANCELLED payment (reconciliation's recheck) can only become PAID.
 */
export async function verifyAndSettle(
  deps: WalletDeps,
  payment: Payment,
  ctx: RequestContext,
  notPaid: WhenNotPaid,
): Promise<SettleAttempt> {
  const gateway = deps.gateways[payment.gateway];
  if (!gateway || payment.authority === null) {
    const message = gateway ? "payment has no gateway session" : "gateway not configured";
    return { kind: "UNVERIFIED", payment, failure: { kind: "UNAVAILABLE", code: null, message } };
  }
  const verified = await gateway.verify({
    authority: payment.authority,
    amount: payment.amount,
    orderId: payment.id,
  });
  if (!verified.ok) return { kind: "UNVERIFIED", payment, failure: verified.error };

  const at = deps.clock.now();
  const answer = verified.value;
  const pending = payment.status === "PENDING";
  if (answer.status === "NOT_PAID") {
    if (notPaid === "LEAVE" || !pending) return { kind: "NOT_PAID_YET", payment };
    return attempt(await deps.payments.settle(payment.id, { ...notPaid, at }), false);
  }
  if (answer.amount !== null && !answer.amount.equals(payment.amount)) {
    if (!pending) return { kind: "AMOUNT_MISMATCH", payment };
    return attempt(
      await deps.payments.settle(payment.id, { status: "FAILED", reason: AMOUNT_MISMATCH, at }),
      false,
    );
  }
  const transaction = topUpTransaction({
    id: deps.ids.newId(),
    payment,
    referenceId: answer.referenceId,
    at,
  });
  const paid = { status: "PAID", referenceId: answer.referenceId, at, transaction } as const;
  const outcome = pending
    ? await deps.payments.settle(payment.id, paid)
    : await deps.payments.settleLatePayment(payment.id, paid);
  if (outcome.settled) {
    // After the commit, so a crash here loses an audit line, never a credit; the ledger is the record.
    await recordAudit(deps, ctx, "PAYMENT_PAID", {
      actorId: null,
      subjectId: payment.userId,
      details: {
        paymentId: payment.id,
        gateway: payment.gateway,
        amount: payment.amount.toString(),
        referenceId: answer.referenceId,
        ...(!pending && { after: payment.status }),
      },
    });
  }
  return attempt(outcome, outcome.settled);
}

function attempt(outcome: { payment: Payment }, credited: boolean): SettleAttempt {
  const { payment } = outcome;
  if (payment.status === "PAID") return { kind: "PAID", payment, credited };
  if (payment.status === "PENDING") throw new Error(`settle left payment ${payment.id} PENDING`);
  return payment.failureReason === AMOUNT_MISMATCH
    ? { kind: "AMOUNT_MISMATCH", payment }
    : { kind: "NOT_PAID", payment };
}
