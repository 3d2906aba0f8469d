import type { PaymentGatewayName, Result, Rial } from "@peykarband/domain";

export interface PaymentRequest {
  readonly amount: Rial;
  /** Where the gateway sends the payer back (our callback route for this gateway). */
  readonly callbackUrl: string;
  /** Shown to the payer on the gateway's page. */
  readonly description: string;
  /** Our payment id: Zarinpal metadata.order_id, IDPay order_id. */
  readonly orderId: string;
}

/** The gateway's session for one payment: where to send the payer and how to ask about it later. */
export interface GatewaySession {
  /** Zarinpal `authority`, IDPay `id`. */
  readonly authority: string;
  /** Zarinpal StartPay URL, IDPay `link`. */
  readonly redirectUrl: string;
}

export interface VerifyRequest {
  readonly authority: string;
  /** The amount we stored, never one from a callback: Zarinpal refuses a different one (-50). */
  readonly amount: Rial;
  /** Our payment id; IDPay verifies by `id` and `order_id`. */
  readonly orderId: string;
}

export type PaymentVerification =
  /** Verified now (Zarinpal 100, IDPay 100). `amount` as the gateway reports it, when it does. */
  | { readonly status: "PAID"; readonly referenceId: string; readonly amount: Rial | null }
  /** Verified before (Zarinpal 101, IDPay 101): paid; whether we credited it is our ledger's business. */
  | { readonly status: "ALREADY_VERIFIED"; readonly referenceId: string; readonly amount: Rial | null }
  /**
   * The gateway has no paid try for this session now (Zarinpal -51, -54; IDPay 53 or a status other
   * than 10/100/101/200). Not final by itself: verify answers the same before the payer has paid
   * as after they gave up, so only inquiry or the end of the payment window makes it final.
   */
  | { readonly status: "NOT_PAID" };

export type PaymentInquiry =
  /** The payer is still on the gateway's page or at the bank: too early to decide. */
  | { readonly status: "IN_PROGRESS" }
  /** Paid, verified or not: verify next. */
  | { readonly status: "PAID" }
  /** The session ended without payment (IDPay 2 to 7): it can no longer be paid. */
  | { readonly status: "NOT_PAID" };

export const GATEWAY_FAILURE_KINDS = [
  /** Connection refused or reset, 5xx, DNS: nothing sensible came back. */
  "UNAVAILABLE",
  /** No answer within the adapter's deadline: the gateway may or may not have acted. */
  "TIMEOUT",
  /** An answer we cannot read (not JSON, unknown shape, unknown code): never taken as success. */
  "INVALID_RESPONSE",
  /** A documented refusal (Zarinpal's negative codes, IDPay's error_code): `code` says which. */
  "REJECTED",
] as const;
export type GatewayFailureKind = (typeof GATEWAY_FAILURE_KINDS)[number];

export interface GatewayFailure {
  readonly kind: GatewayFailureKind;
  /** The gateway's own code as text ("-9", "53"), when it gave one. */
  readonly code: string | null;
  /** For logs, not for users. */
  readonly message: string;
}

/**
 * One payment gateway (Zarinpal, IDPay), as the use cases need it. Adapters put a deadline on
 * every call, retry only what is safe to retry (never a request that may have created a session
 * unless it is looked up first), and return a failure, never success, for anything they cannot
 * read. They do not throw for the gateway's faults; a throw is a bug.
 */
export interface PaymentGateway {
  readonly name: PaymentGatewayName;
  requestPayment(request: PaymentRequest): Promise<Result<GatewaySession, GatewayFailure>>;
  /** Verifies server to server. Safe to repeat: a second call answers ALREADY_VERIFIED. */
  verify(request: VerifyRequest): Promise<Result<PaymentVerification, GatewayFailure>>;
  /** Reads the state without verifying (IDPay inquiry, Zarinpal inquiry), where the gateway has it. */
  inquiry?(request: { authority: string; orderId: string }): Promise<Result<PaymentInquiry, GatewayFailure>>;
}

/** The gateways configured in this deployment; a missing one is unavailable. */
export type PaymentGateways = Readonly<Partial<Record<PaymentGatewayName, PaymentGateway>>>;
