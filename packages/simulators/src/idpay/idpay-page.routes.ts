import { randomInt } from "node:crypto";
import { fakeCard } from "../shared/fake-card.ts";
import {
  parseDecision,
  renderAutoSubmitForm,
  renderNoticePage,
  renderPaymentPage,
} from "../shared/payment-page.html.ts";
import { htmlReply, redirectReply, type Reply } from "../shared/reply.ts";
import type { IncomingCall, Route } from "../shared/simulator.server.ts";
import type { IdpayContext, IdpayOperation } from "./idpay.context.ts";
import { IDPAY_STATUSES, type IdpayPayment } from "./idpay.payment.ts";

const PAYMENT_PAGE = /^\/p\/(ws|ws-sandbox)\/([0-9a-f]{32})$/;
const GATEWAY_NAME = "آیدی پی (شبیه‌ساز)";

/** The payer's side: the `link` that create hands out, and the decision posted back to it. */
export function idpayPageRoutes(context: IdpayContext): Route<IdpayOperation>[] {
  const open = (call: IncomingCall): IdpayPayment | Reply => {
    const [realm, id] = call.params;
    const payment = context.payments.find(id!);
    if (!payment || payment.sandbox !== (realm === "ws-sandbox")) {
      return htmlReply(404, renderNoticePage("تراکنش یافت نشد", "لینک پرداخت معتبر نیست."));
    }
    if (payment.status !== 1 && payment.status !== 8) {
      return htmlReply(410, renderNoticePage("تراکنش بسته شده است", IDPAY_STATUSES[payment.status]));
    }
    return payment;
  };

  const show = (call: IncomingCall): Reply => {
    const payment = open(call);
    if (!("id" in payment)) return payment;
    payment.status = 8;
    const details: [string, string][] = [];
    if (payment.name) details.push(["پرداخت کننده", payment.name]);
    if (payment.desc) details.push(["توضیحات", payment.desc]);
    return htmlReply(
      200,
      renderPaymentPage({
        gatewayName: GATEWAY_NAME,
        merchantName: context.merchantName,
        amount: payment.amount,
        unit: "ریال",
        details,
        action: call.url.pathname,
      }),
    );
  };

  const decide = (call: IncomingCall): Reply => {
    const payment = open(call);
    if (!("id" in payment)) return payment;
    const decision = parseDecision(call.body);
    if (!decision)
      return htmlReply(400, renderNoticePage("درخواست نامعتبر", "پرداخت یا انصراف را انتخاب کنید."));

    const now = new Date();
    if (decision === "pay") {
      const card = fakeCard();
      payment.status = 10;
      payment.payment = {
        trackId: String(randomInt(100_000, 1_000_000_000)),
        amount: payment.amount,
        cardNo: card.masked,
        hashedCardNo: card.hash,
        date: now,
      };
    } else {
      payment.status = decision === "cancel" ? 7 : 2;
    }

    if (context.faults.current.dropCallback) {
      return htmlReply(200, renderNoticePage("پایان پرداخت", IDPAY_STATUSES[payment.status]));
    }
    const fields: Record<string, string> = {
      status: String(payment.status),
      track_id: String(payment.trackId),
      id: payment.id,
      order_id: payment.orderId,
    };
    if (context.returnMethod === "GET") {
      const callback = new URL(payment.callback);
      for (const [name, value] of Object.entries(fields)) callback.searchParams.set(name, value);
      return redirectReply(callback.href);
    }
    fields.amount = String(payment.amount);
    if (payment.payment) {
      fields.card_no = payment.payment.cardNo;
      fields.hashed_card_no = payment.payment.hashedCardNo;
    }
    fields.date = String(Math.floor((payment.payment?.date ?? now).getTime() / 1000));
    return htmlReply(200, renderAutoSubmitForm(payment.callback, fields));
  };

  return [
    { method: "GET", path: PAYMENT_PAGE, handle: show },
    { method: "POST", path: PAYMENT_PAGE, handle: decide },
  ];
}
