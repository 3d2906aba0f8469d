import type { Payment } from "@peykarband/domain";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";
import { AMOUNT_MISMATCH, verifyAndSettle } from "./verify-and-settle.ts";

export interface ReconcilePendingPaymentsInput {
  /** Only payments PENDING for longer than this; defaults to the policy's `reconcileAfterSeconds`. */
  readonly olderThanSeconds?: number;
  /** At most this many payments in one run; defaults to the policy's `reconcileBatchSize`. */
  readonly limit?: number;
}

export interface ReconciliationReport {
  readonly examined: number;
  /** Credited by this run. */
  readonly credited: number;
  /** Found PAID by someone else meanwhile (a callback, a concurrent run). */
  readonly alreadySettled: number;
  /** Ended FAILED or CANCELLED by this run. */
  readonly failed: number;
  /** Left PENDING: the gateway could not answer, or the payer is still at the bank. */
  readonly stillPending: number;
  /** Recently FAILED or CANCELLED payments asked about again. */
  readonly rechecked: number;
  /** Of those, credited by this run: the gateway says they were paid after all. */
  readonly creditedLate: number;
}

/**
 * What the durable reconciliation job runs: every payment left PENDING (the browser closed before
 * the callback, the process died between the gateway's verify and our commit, the gateway was down
 * at callback time) is asked about and settled, exactly once, however many runs overlap. Then the
 * payments that ended FAILED or CANCELLED recently (`recheckUnpaidForSeconds`) are verified again
 * and credited, once, if the gateway says paid: a payer may pay a session after we gave up on it.
 *
 * Internal: the worker calls it with a system context; it is not a GraphQL operation.
 */
export async function reconcilePendingPayments(
  deps: WalletDeps,
  input: ReconcilePendingPaymentsInput,
  ctx: RequestContext,
): Promise<ReconciliationReport> {
  const olderThan = Math.max(0, input.olderThanSeconds ?? deps.policy.reconcileAfterSeconds);
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? deps.policy.reconcileBatchSize), 1), 1000);
  const createdBefore = new Date(deps.clock.now().getTime() - olderThan * 1000);
  const pending = await deps.payments.listPending({ createdBefore, limit });

  const report = {
    examined: pending.length,
    credited: 0,
    alreadySettled: 0,
    failed: 0,
    stillPending: 0,
    rechecked: 0,
    creditedLate: 0,
  };
  // One at a time: a run is a background sweep, and a burst of verifies would only meet the
  // gateways' rate limits (Zarinpal -12).
  for (const payment of pending) {
    const outcome = await reconcileOne(deps, payment, ctx);
    report[outcome]++;
  }

  const recheckSince = new Date(deps.clock.now().getTime() - deps.policy.recheckUnpaidForSeconds * 1000);
  const unpaid = await deps.payments.listRecentlyUnpaid({
    createdAfter: recheckSince,
    // The gateway reported another amount: support's case, not ours to credit.
    exceptReasons: [AMOUNT_MISMATCH],
    limit,
  });
  for (const payment of unpaid) {
    const settled = await verifyAndSettle(deps, payment, ctx, "LEAVE");
    report.rechecked++;
    if (settled.kind === "PAID" && settled.credited) report.creditedLate++;
  }
  return report;
}

async function reconcileOne(
  deps: WalletDeps,
  payment: Payment,
  ctx: RequestContext,
): Promise<"credited" | "alreadySettled" | "failed" | "stillPending"> {
  if (payment.authority === null) {
    // Created, but the gateway never gave a session (or we died before storing it): nobody has a
    // page to pay on, so nothing can arrive.
    const outcome = await deps.payments.settle(payment.id, {
      status: "FAILED",
      reason: "NO_GATEWAY_SESSION",
      at: deps.clock.now(),
    });
    return outcome.payment.status === "PAID" ? "alreadySettled" : "failed";
  }
  const gateway = deps.gateways[payment.gateway];
  if (gateway?.inquiry) {
    const state = await gateway.inquiry({ authority: payment.authority, orderId: payment.id });
    if (!state.ok || state.value.status === "IN_PROGRESS") return "stillPending";
  }
  const settled = await verifyAndSettle(deps, payment, ctx, { status: "FAILED", reason: "NOT_PAID" });
  switch (settled.kind) {
    case "PAID":
      return settled.credited ? "credited" : "alreadySettled";
    case "UNVERIFIED":
      return "stillPending";
    case "NOT_PAID":
    case "AMOUNT_MISMATCH":
      return "failed";
    case "NOT_PAID_YET":
      throw new Error(`payment ${payment.id} left PENDING though past its window`);
  }
}
