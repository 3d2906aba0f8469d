import { STEP_UP_ERROR_CODES } from "../accounts/step-up.ts";

/**
 * The closed set of expected failures of each wallet and payment use case. The gateway turns each
 * list into the GraphQL enum of the mutation's `userErrors.code` (or, for callbacks, a result page).
 */
export const START_TOP_UP_ERROR_CODES = [
  "INVALID_AMOUNT",
  "AMOUNT_TOO_SMALL",
  "AMOUNT_TOO_LARGE",
  "INVALID_IDEMPOTENCY_KEY",
  /** The key was used before with another amount or gateway. */
  "IDEMPOTENCY_KEY_REUSED",
  /** The first request with this key has not finished yet: retry in a moment. */
  "TOP_UP_IN_PROGRESS",
  /** The gateway is down, too slow, or answered nonsense; the payment is FAILED, nothing was charged. */
  "GATEWAY_UNAVAILABLE",
  /** This deployment has no credentials for the gateway asked for; nothing was opened. */
  "GATEWAY_NOT_CONFIGURED",
  /** The user started too many top-ups in the window; nothing was opened; retry after the hint. */
  "TOO_MANY_TOP_UPS",
] as const;
export type StartTopUpErrorCode = (typeof START_TOP_UP_ERROR_CODES)[number];

export const HANDLE_PAYMENT_CALLBACK_ERROR_CODES = [
  /** No payment of this gateway has this authority / id: forged or mistyped. */
  "PAYMENT_NOT_FOUND",
  /** The callback's order id or amount disagree with the payment: tampered; nothing was done. */
  "CALLBACK_MISMATCH",
  /** The gateway says it was not paid; the payment is FAILED or CANCELLED. */
  "PAYMENT_NOT_PAID",
  /**
   * The gateway has no payment for this session yet and cannot say it never will: the payment
   * stays PENDING, and is credited if the payer still pays (a callback sent before paying).
   */
  "PAYMENT_NOT_PAID_YET",
  /** The gateway reports another amount than we asked for: FAILED, not credited, for support. */
  "AMOUNT_MISMATCH",
  /** The gateway could not confirm now; the payment stays PENDING and reconciliation settles it. */
  "VERIFICATION_PENDING",
] as const;
export type HandlePaymentCallbackErrorCode = (typeof HANDLE_PAYMENT_CALLBACK_ERROR_CODES)[number];

export const DEBIT_WALLET_ERROR_CODES = [
  "INVALID_AMOUNT",
  "INVALID_REFERENCE",
  "INVALID_REASON",
  "INSUFFICIENT_FUNDS",
  /** The reference was used before for another movement. */
  "REFERENCE_REUSED",
] as const;
export type DebitWalletErrorCode = (typeof DEBIT_WALLET_ERROR_CODES)[number];

export const ADJUST_WALLET_ERROR_CODES = [
  "INVALID_AMOUNT",
  "AMOUNT_TOO_LARGE",
  "INVALID_REASON",
  "INVALID_IDEMPOTENCY_KEY",
  "IDEMPOTENCY_KEY_REUSED",
  "USER_NOT_FOUND",
  "CANNOT_ADJUST_OWN_WALLET",
  "INSUFFICIENT_FUNDS",
  ...STEP_UP_ERROR_CODES,
] as const;
export type AdjustWalletErrorCode = (typeof ADJUST_WALLET_ERROR_CODES)[number];
