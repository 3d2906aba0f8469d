import { jsonReply, type Reply } from "../shared/reply.ts";

/** The errors this simulator sends: HTTP status and message as in IDPay's error list ("لیست خطاها"). */
const IDPAY_ERRORS = {
  12: [403, "API Key یافت نشد."],
  31: [406, "کد تراکنش `id` نباید خالی باشد."],
  32: [406, "شماره سفارش `order_id` نباید خالی باشد."],
  33: [406, "مبلغ `amount` نباید خالی باشد."],
  34: [406, "مبلغ `amount` باید بیشتر از 1,000 ریال باشد."],
  35: [406, "مبلغ `amount` باید کمتر از 500,000,000 ریال باشد."],
  37: [406, "آدرس بازگشت `callback` نباید خالی باشد."],
  39: [406, "آدرس بازگشت `callback` نامعتبر است."],
  52: [400, "استعلام نتیجه ای نداشت."],
  53: [405, "تایید پرداخت امکان پذیر نیست."],
  54: [405, "مدت زمان تایید پرداخت سپری شده است."],
} as const satisfies Record<number, readonly [number, string]>;

export type IdpayErrorCode = keyof typeof IDPAY_ERRORS;

export function idpayError(code: IdpayErrorCode): Reply {
  const [status, message] = IDPAY_ERRORS[code];
  return jsonReply(status, { error_code: code, error_message: message });
}
