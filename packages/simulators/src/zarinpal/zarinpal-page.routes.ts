import { fakeCard } from "../shared/fake-card.ts";
import { parseDecision, renderNoticePage, renderPaymentPage } from "../shared/payment-page.html.ts";
import { htmlReply, redirectReply, type Reply } from "../shared/reply.ts";
import type { IncomingCall, Route } from "../shared/simulator.server.ts";
import type { ZarinpalContext, ZarinpalOperation } from "./zarinpal.context.ts";
import type { ZarinpalPayment } from "./zarinpal.payment.ts";

const START_PAY = /^\/pg\/StartPay\/([^/]+)$/;
const GATEWAY_NAME = "زرین‌پال (شبیه‌ساز)";

/** The buyer's side: `GET /pg/StartPay/{authority}` and the decision posted back to it. */
export function zarinpalPageRoutes(context: ZarinpalContext): Route<ZarinpalOperation>[] {
  const open = (call: IncomingCall): ZarinpalPayment | Reply => {
    const payment = context.payments.find(call.params[0]!);
    if (!payment) return htmlReply(404, renderNoticePage("تراکنش یافت نشد", "شناسه پرداخت معتبر نیست."));
    if (payment.status !== "CREATED") {
      return htmlReply(
        410,
        renderNoticePage("تراکنش بسته شده است", "این پرداخت پیش‌تر انجام یا لغو شده است."),
      );
    }
    return payment;
  };

  const show = (call: IncomingCall): Reply => {
    const payment = open(call);
    if (!("authority" in payment)) return payment;
    payment.referer ??= call.headers.referer;
    return htmlReply(
      200,
      renderPaymentPage({
        gatewayName: GATEWAY_NAME,
        merchantName: context.merchantName,
        amount: payment.amount,
        unit: payment.currency === "IRT" ? "تومان" : "ریال",
        details: [["توضیحات", payment.description]],
        action: call.url.pathname,
      }),
    );
  };

  const decide = (call: IncomingCall): Reply => {
    const payment = open(call);
    if (!("authority" in payment)) return payment;
    const decision = parseDecision(call.body);
    if (!decision)
      return htmlReply(400, renderNoticePage("درخواست نامعتبر", "پرداخت یا انصراف را انتخاب کنید."));

    if (decision === "pay") {
      const card = fakeCard();
      payment.status = "PAID";
      payment.paidAt = new Date();
      payment.cardPan = card.masked;
      payment.cardHash = card.hash;
    } else {
      payment.status = decision === "cancel" ? "CANCELLED" : "FAILED";
    }

    if (context.faults.current.dropCallback) {
      return htmlReply(200, renderNoticePage("پایان پرداخت", "نتیجه پرداخت ثبت شد."));
    }
    const callback = new URL(payment.callbackUrl);
    callback.searchParams.set("Authority", payment.authority);
    callback.searchParams.set("Status", decision === "pay" ? "OK" : "NOK");
    return redirectReply(callback.href);
  };

  return [
    { method: "GET", path: START_PAY, handle: show },
    { method: "POST", path: START_PAY, handle: decide },
  ];
}
