import {
  domainError,
  err,
  ok,
  Rial,
  type DomainError,
  type Payment,
  type PaymentGatewayName,
  type Result,
} from "@peykarband/domain";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";
import type { HandlePaymentCallbackErrorCode } from "../wallet/wallet-errors.ts";
import { AMOUNT_MISMATCH, verifyAndSettle } from "./verify-and-settle.ts";

export interface HandlePaymentCallbackInput {
  readonly gateway: PaymentGatewayName;
  /** Zarinpal `Authority`, IDPay `id`. */
  readonly authority: string;
  /**
   * What the callback claims, normalised by the route: Zarinpal `Status=OK` / IDPay 10, 100, 101 →
   * OK; Zarinpal `NOK` / IDPay 7 → CANCELLED; other IDPay statuses → FAILED. A hint only: it never
   * decides PAID nor ends a payment, and only picks CANCELLED over FAILED once the gateway has said
   * that the session ended unpaid.
   */
  readonly status: "OK" | "CANCELLED" | "FAILED";
  /** IDPay's POST callback carries the amount; when present it must be ours. */
  readonly amount?: string | null;
  /** IDPay's `order_id`; when present it must be our payment id. */
  readonly orderId?: string | null;
}

export interface CallbackHandled {
  readonly payment: Payment;
  /** True only for the callback that credited the wallet; a replay sees the PAID payment and false. */
  readonly credited: boolean;
}

type CallbackResult = Result<CallbackHandled, DomainError<HandlePaymentCallbackErrorCode>>;

const MAX_AUTHORITY_LENGTH = 100;

/**
 * The payer's browser returns from the gateway. Nothing in the request is trusted: the payment is
 * looked up by the gateway's reference, the callback's own claims are only checked against it, and
 * the gateway is asked server to server with our stored amount. A replay of a settled payment
 * answers from our records without calling the gateway. Every outcome is a value the result page
 * can show; a forged or tampered callback changes nothing.
 *
 * Verify answers "not paid" alike before the payer has paid and after they gave up, and anyone
 * can send a callback with a real authority before paying. So "not paid" ends the payment only
 * when the gateway's inquiry says the session is over; otherwise it stays PENDING, to be credited
 * when the payer pays, or failed by reconciliation once the payment window has passed.
 */
export async function handlePaymentCallback(
  deps: WalletDeps,
  input: HandlePaymentCallbackInput,
  ctx: RequestContext,
): Promise<CallbackResult> {
  const authority = input.authority.trim();
  const payment =
    authority && authority.length <= MAX_AUTHORITY_LENGTH
      ? await deps.payments.findByGatewayReference(input.gateway, authority)
      : null;
  if (!payment) return err(domainError("PAYMENT_NOT_FOUND", "No such payment.", ["authority"]));
  if (!matchesClaims(payment, input)) {
    return err(domainError("CALLBACK_MISMATCH", "The callback does not match the payment.", ["authority"]));
  }
  if (payment.status !== "PENDING") return answer(payment, false);

  const settled = await verifyAndSettle(deps, payment, ctx, "LEAVE");
  if (settled.kind === "NOT_PAID_YET") {
    if (!(await sessionEndedUnpaid(deps, payment))) {
      return err(
        domainError(
          "PAYMENT_NOT_PAID_YET",
          "The gateway has no payment for this session yet; it stays open and is credited if paid.",
        ),
      );
    }
    const at = deps.clock.now();
    const ended = await deps.payments.settle(
      payment.id,
      input.status === "CANCELLED"
        ? { status: "CANCELLED", at }
        : { status: "FAILED", reason: "NOT_PAID", at },
    );
    return answer(ended.payment, false);
  }
  if (settled.kind === "UNVERIFIED") {
    return err(
      domainError(
        "VERIFICATION_PENDING",
        "The gateway could not confirm the payment yet; it will be credited as soon as it does.",
      ),
    );
  }
  return answer(settled.payment, settled.kind === "PAID" && settled.credited);
}

/** Only the gateway's inquiry can say a session is over; without one (Zarinpal) the window decides. */
async function sessionEndedUnpaid(deps: WalletDeps, payment: Payment): Promise<boolean> {
  const gateway = deps.gateways[payment.gateway];
  if (!gateway?.inquiry || payment.authority === null) return false;
  const state = await gateway.inquiry({ authority: payment.authority, orderId: payment.id });
  return state.ok && state.value.status === "NOT_PAID";
}

function matchesClaims(payment: Payment, input: HandlePaymentCallbackInput): boolean {
  if (input.orderId != null && input.orderId !== payment.id) return false;
  if (input.amount != null) {
    const claimed = Rial.parse(input.amount);
    if (!claimed.ok || !claimed.value.equals(payment.amount)) return false;
  }
  return true;
}

function answer(payment: Payment, credited: boolean): CallbackResult {
  switch (payment.status) {
    case "PAID":
      return ok({ payment, credited });
    case "PENDING":
      return err(domainError("VERIFICATION_PENDING", "The payment is not confirmed yet."));
    case "FAILED":
      return payment.failureReason === AMOUNT_MISMATCH
        ? err(domainError("AMOUNT_MISMATCH", "The gateway reports another amount; support will look at it."))
        : err(domainError("PAYMENT_NOT_PAID", "The payment was not made."));
    case "CANCELLED":
      return err(domainError("PAYMENT_NOT_PAID", "The payment was cancelled."));
  }
}
