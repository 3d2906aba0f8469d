import type { FaultSwitchboard } from "../shared/fault.switchboard.ts";
import type { PaymentBook } from "../shared/payment.book.ts";
import type { IdpayPayment } from "./idpay.payment.ts";

export const IDPAY_OPERATIONS = ["create", "verify", "inquiry"] as const;
export type IdpayOperation = (typeof IDPAY_OPERATIONS)[number];

/** What every IDPay route of one simulator instance shares. */
export interface IdpayContext {
  readonly apiKey: string;
  readonly merchantName: string;
  /** The docs' examples send numbers as strings, the official Postman collection as numbers. */
  readonly numbers: "string" | "number";
  /** How the browser returns to the merchant, a per-web-service setting at IDPay. */
  readonly returnMethod: "POST" | "GET";
  /** After this long a paid payment can no longer be verified (error 54); the real window is unconfirmed. */
  readonly verifyWindowMs: number | undefined;
  /** Base of the `link` handed out by create; known only once the server listens. */
  readonly publicUrl: () => string;
  readonly payments: PaymentBook<IdpayPayment>;
  readonly faults: FaultSwitchboard<IdpayOperation>;
}
