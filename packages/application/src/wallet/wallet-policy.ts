import { Rial, type PaymentGatewayName } from "@peykarband/domain";

/** Tunables of the wallet and payment flows; the gateway builds them from validated configuration. */
export interface WalletPolicy {
  /** Our own ceiling per top-up, in rials; the lower of it and the gateway's maximum applies. */
  readonly topUpCeiling: Rial;
  /** The largest hand-made adjustment, either way: a slip of the keyboard should not mint money. */
  readonly adjustmentCeiling: Rial;
  /**
   * Top-ups one user may start per window: each is a request to Zarinpal or IDPay, which limit
   * our terminal as a whole (Zarinpal -12), so one user's burst would refuse everyone's.
   */
  readonly topUpStartsPerWindow: number;
  readonly topUpStartWindowSeconds: number;
  /** Our callback route for each gateway (absolute URL). */
  readonly callbackUrls: Readonly<Record<PaymentGatewayName, string>>;
  /**
   * Reconciliation leaves PENDING payments younger than this alone: their payer may still be at
   * the bank. Longer than the gateways' payment window, so "not paid" then means never.
   */
  readonly reconcileAfterSeconds: number;
  /** How many PENDING payments (and, apart, how many unpaid ones) one reconciliation run looks at. */
  readonly reconcileBatchSize: number;
  /**
   * FAILED or CANCELLED payments created less than this ago are asked about again by every
   * reconciliation run, and credited if the gateway says paid: a payer may still pay a session we
   * gave up on. Longer than `reconcileAfterSeconds` plus the time between two runs.
   */
  readonly recheckUnpaidForSeconds: number;
}

export const defaultWalletPolicy: WalletPolicy = {
  topUpCeiling: Rial.of(500_000_000n),
  adjustmentCeiling: Rial.of(1_000_000_000n),
  topUpStartsPerWindow: 10,
  topUpStartWindowSeconds: 10 * 60,
  callbackUrls: {
    ZARINPAL: "http://localhost:4000/payments/zarinpal/callback",
    IDPAY: "http://localhost:4000/payments/idpay/callback",
  },
  reconcileAfterSeconds: 30 * 60,
  reconcileBatchSize: 100,
  recheckUnpaidForSeconds: 60 * 60,
};
