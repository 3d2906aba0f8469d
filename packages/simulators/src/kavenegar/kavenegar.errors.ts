import { jsonReply, type Reply } from "../shared/reply.ts";

/**
 * The answers of Kavenegar's REST API that the simulator gives, with the real API's Persian
 * messages. The HTTP status is the same number as `return.status` (docs/providers.md §6).
 */
const MESSAGES = {
  400: "پارامترها ناقص هستند",
  403: "کد شناسائی API-Key معتبر نمی‌باشد",
  411: "دریافت کننده نامعتبر است",
  412: "ارسال کننده نامعتبر است",
  413: "پیام خالی است و یا طول پیام بیش از حد مجاز می‌باشد",
  418: "اعتبار حساب شما کافی نیست",
} as const;
export type KavenegarErrorStatus = keyof typeof MESSAGES;

export function kavenegarError(status: KavenegarErrorStatus): Reply {
  return jsonReply(status, { return: { status, message: MESSAGES[status] }, entries: null });
}
