import type { FaultSwitchboard } from "../shared/fault.switchboard.ts";
import type { PaymentBook } from "../shared/payment.book.ts";
import type { ZarinpalPayment } from "./zarinpal.payment.ts";

export const ZARINPAL_OPERATIONS = ["request", "verify", "unverified", "inquiry"] as const;
export type ZarinpalOperation = (typeof ZARINPAL_OPERATIONS)[number];

/** What every Zarinpal route of one simulator instance shares. */
export interface ZarinpalContext {
  readonly merchantId: string;
  readonly merchantName: string;
  /** HTTP status of error envelopes: the real one is unconfirmed, so tests can try others. */
  readonly errorHttpStatus: number;
  readonly payments: PaymentBook<ZarinpalPayment>;
  readonly faults: FaultSwitchboard<ZarinpalOperation>;
}
