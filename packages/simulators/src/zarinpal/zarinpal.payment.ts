/**
 * CREATED until the browser decides on the StartPay page; PAID means the money is taken and waits
 * for the merchant's verify; VERIFIED after the first successful verify.
 */
export type ZarinpalPaymentStatus = "CREATED" | "PAID" | "VERIFIED" | "CANCELLED" | "FAILED";

export interface ZarinpalPayment {
  readonly authority: string;
  readonly merchantId: string;
  readonly amount: number;
  readonly currency: "IRR" | "IRT";
  readonly description: string;
  readonly callbackUrl: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  status: ZarinpalPaymentStatus;
  /** The page that sent the browser to StartPay, as `unVerified.json` reports it. */
  referer?: string;
  paidAt?: Date;
  verifiedAt?: Date;
  refId?: number;
  cardPan?: string;
  cardHash?: string;
  verifyCalls: number;
}
