/** The documented transaction statuses ("وضعیت تراکنش") with IDPay's own wording. */
export const IDPAY_STATUSES = {
  1: "پرداخت انجام نشده است",
  2: "پرداخت ناموفق بوده است",
  3: "خطا رخ داده است",
  4: "بلوکه شده",
  5: "برگشت به پرداخت کننده",
  6: "برگشت خورده سیستمی",
  7: "انصراف از پرداخت",
  8: "به درگاه پرداخت منتقل شد",
  10: "در انتظار تایید پرداخت",
  100: "پرداخت تایید شده است",
  101: "پرداخت قبلا تایید شده است",
  200: "به دریافت کننده واریز شد",
} as const;

export type IdpayStatus = keyof typeof IDPAY_STATUSES;

export interface IdpayPayment {
  readonly id: string;
  readonly orderId: string;
  readonly amount: number;
  readonly callback: string;
  readonly name?: string;
  readonly phone?: string;
  readonly mail?: string;
  readonly desc?: string;
  /** Created with `X-SANDBOX: 1|true`; only sandbox calls see it afterwards, and the reverse. */
  readonly sandbox: boolean;
  readonly trackId: number;
  readonly createdAt: Date;
  /** Stored status: 101 is only ever an answer to verify, never a stored state. */
  status: Exclude<IdpayStatus, 101>;
  payment?: {
    readonly trackId: string;
    readonly amount: number;
    readonly cardNo: string;
    readonly hashedCardNo: string;
    readonly date: Date;
  };
  verifiedAt?: Date;
  verifyCalls: number;
}
