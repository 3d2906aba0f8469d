import type { Rial } from "../money/rial.ts";
import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";
import type { PaymentGatewayName } from "./payment-gateway-name.ts";

export const PAYMENT_STATUSES = ["PENDING", "PAID", "FAILED", "CANCELLED"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A top-up through a gateway: money the customer means to add to their wallet. */
export interface Payment {
  readonly id: string;
  readonly userId: string;
  readonly amount: Rial;
  readonly gateway: PaymentGatewayName;
  readonly status: PaymentStatus;
  /** The gateway's reference for the payment session (Zarinpal authority, IDPay id); null until it answers. */
  readonly authority: string | null;
  /** The gateway's payment page for this session; kept so a repeated request gets the first answer. */
  readonly redirectUrl: string | null;
  /** The bank reference the gateway gives on verify (Zarinpal ref_id, IDPay track_id); null until PAID. */
  readonly referenceId: string | null;
  /** Why a payment FAILED, for support (a short code such as GATEWAY_UNAVAILABLE or NOT_PAID). */
  readonly failureReason: string | null;
  readonly idempotencyKey: string;
  readonly createdAt: Date;
  readonly paidAt: Date | null;
  /** When the payment reached PAID, FAILED or CANCELLED. */
  readonly closedAt: Date | null;
}

/**
 * How a PENDING payment ends. The only later move, FAILED or CANCELLED to PAID when the gateway
 * confirms a payment made after we gave up on it, is reconciliation's (docs/payments.md).
 */
export type PaymentOutcome =
  | { readonly status: "PAID"; readonly referenceId: string; readonly at: Date }
  | { readonly status: "FAILED"; readonly reason: string; readonly at: Date }
  | { readonly status: "CANCELLED"; readonly at: Date };

export const PAYMENT_TRANSITION_ERROR_CODES = ["PAYMENT_ALREADY_FINAL", "AUTHORITY_ALREADY_SET"] as const;
export type PaymentTransitionErrorCode = (typeof PAYMENT_TRANSITION_ERROR_CODES)[number];

export const isFinalPaymentStatus = (status: PaymentStatus): boolean => status !== "PENDING";

export function newPayment(input: {
  id: string;
  userId: string;
  amount: Rial;
  gateway: PaymentGatewayName;
  idempotencyKey: string;
  createdAt: Date;
}): Payment {
  return {
    ...input,
    status: "PENDING",
    authority: null,
    redirectUrl: null,
    referenceId: null,
    failureReason: null,
    paidAt: null,
    closedAt: null,
  };
}

/** PENDING → PAID | FAILED | CANCELLED; nothing else is accepted here. */
export function transitionPayment(
  payment: Payment,
  outcome: PaymentOutcome,
): Result<Payment, DomainError<"PAYMENT_ALREADY_FINAL">> {
  if (payment.status !== "PENDING") {
    return err(
      domainError(
        "PAYMENT_ALREADY_FINAL",
        `Payment is already ${payment.status}; it cannot become ${outcome.status}.`,
      ),
    );
  }
  switch (outcome.status) {
    case "PAID":
      return ok({
        ...payment,
        status: "PAID",
        referenceId: outcome.referenceId,
        paidAt: outcome.at,
        closedAt: outcome.at,
      });
    case "FAILED":
      return ok({ ...payment, status: "FAILED", failureReason: outcome.reason, closedAt: outcome.at });
    case "CANCELLED":
      return ok({ ...payment, status: "CANCELLED", closedAt: outcome.at });
  }
}

/** Records the gateway's session reference, once, while the payment is PENDING. */
export function attachAuthority(
  payment: Payment,
  gatewaySession: { authority: string; redirectUrl: string },
): Result<Payment, DomainError<PaymentTransitionErrorCode>> {
  if (payment.status !== "PENDING") {
    return err(domainError("PAYMENT_ALREADY_FINAL", `Payment is already ${payment.status}.`));
  }
  if (payment.authority !== null) {
    return err(domainError("AUTHORITY_ALREADY_SET", "The payment already has a gateway reference."));
  }
  return ok({ ...payment, authority: gatewaySession.authority, redirectUrl: gatewaySession.redirectUrl });
}
