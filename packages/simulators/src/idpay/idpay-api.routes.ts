import { randomBytes, randomInt } from "node:crypto";
import { parseJsonObject } from "../shared/json-body.parse.ts";
import { jsonReply, type Reply } from "../shared/reply.ts";
import type { IncomingCall, Route } from "../shared/simulator.server.ts";
import type { IdpayContext, IdpayOperation } from "./idpay.context.ts";
import { idpayError } from "./idpay.errors.ts";
import type { IdpayPayment } from "./idpay.payment.ts";

const MIN_AMOUNT = 1_000;
const MAX_AMOUNT = 500_000_000;

/** The server-to-server API under `/v1.1/payment`. */
export function idpayApiRoutes(context: IdpayContext): Route<IdpayOperation>[] {
  const num = (value: number): number | string => (context.numbers === "number" ? value : String(value));
  const seconds = (date: Date): number | string => num(Math.floor(date.getTime() / 1000));

  /** Every call needs the web service's key; then it sees only its own realm, sandbox or not. */
  const authenticate = (call: IncomingCall): { sandbox: boolean } | Reply => {
    if (call.headers["x-api-key"] !== context.apiKey) return idpayError(12);
    const sandbox = call.headers["x-sandbox"];
    return { sandbox: typeof sandbox === "string" && /^(1|true)$/i.test(sandbox.trim()) };
  };

  const lookup = (call: IncomingCall, notFound: 52 | 53): IdpayPayment | Reply => {
    const realm = authenticate(call);
    if ("status" in realm) return realm;
    const body = parseJsonObject(call.body);
    const id = text(body.id);
    const orderId = text(body.order_id);
    if (!id) return idpayError(31);
    if (!orderId) return idpayError(32);
    const payment = context.payments.find(id);
    if (!payment || payment.orderId !== orderId || payment.sandbox !== realm.sandbox)
      return idpayError(notFound);
    return payment;
  };

  const create = (call: IncomingCall): Reply => {
    const realm = authenticate(call);
    if ("status" in realm) return realm;
    const body = parseJsonObject(call.body);
    const orderId = text(body.order_id);
    if (!orderId) return idpayError(32);
    const amountText = text(body.amount);
    if (!amountText) return idpayError(33);
    const amount = /^\d+$/.test(amountText) ? Number(amountText) : Number.NaN;
    if (!(amount >= MIN_AMOUNT)) return idpayError(34);
    if (amount > MAX_AMOUNT) return idpayError(35);
    const callback = text(body.callback);
    if (!callback) return idpayError(37);
    if (callback.length > 2048 || !URL.canParse(callback) || !/^https?:$/.test(new URL(callback).protocol)) {
      return idpayError(39);
    }

    const id = randomBytes(16).toString("hex");
    context.payments.add(id, {
      id,
      orderId,
      amount,
      callback,
      name: text(body.name),
      phone: text(body.phone),
      mail: text(body.mail),
      desc: text(body.desc),
      sandbox: realm.sandbox,
      trackId: randomInt(10_000, 1_000_000_000),
      createdAt: new Date(),
      status: 1,
      verifyCalls: 0,
    });
    const link = `${context.publicUrl()}/p/${realm.sandbox ? "ws-sandbox" : "ws"}/${id}`;
    return jsonReply(201, { id, link });
  };

  const describe = (payment: IdpayPayment, status: number) => ({
    status: num(status),
    track_id: num(payment.trackId),
    id: payment.id,
    order_id: payment.orderId,
    amount: num(payment.amount),
    date: seconds(payment.createdAt),
    ...(payment.payment && {
      payment: {
        track_id: payment.payment.trackId,
        amount: num(payment.payment.amount),
        card_no: payment.payment.cardNo,
        hashed_card_no: payment.payment.hashedCardNo,
        date: seconds(payment.payment.date),
      },
    }),
    ...(payment.verifiedAt && { verify: { date: seconds(payment.verifiedAt) } }),
  });

  const verify = (call: IncomingCall): Reply => {
    const payment = lookup(call, 53);
    if (!("id" in payment)) return payment;
    payment.verifyCalls += 1;
    if (payment.status === 100 || payment.status === 200) return jsonReply(200, describe(payment, 101));
    if (payment.status !== 10) return idpayError(53);
    const paidAt = payment.payment!.date.getTime();
    if (context.verifyWindowMs !== undefined && Date.now() - paidAt > context.verifyWindowMs) {
      return idpayError(54);
    }
    payment.status = 100;
    payment.verifiedAt = new Date();
    return jsonReply(200, describe(payment, context.faults.current.alreadyVerified ? 101 : 100));
  };

  const inquiry = (call: IncomingCall): Reply => {
    const payment = lookup(call, 52);
    if (!("id" in payment)) return payment;
    return jsonReply(200, {
      ...describe(payment, payment.status),
      wage: { by: "payee", type: "amount", amount: num(0) },
      payer: {
        name: payment.name ?? "",
        phone: payment.phone ?? "",
        mail: payment.mail ?? "",
        desc: payment.desc ?? "",
      },
    });
  };

  return [
    { method: "POST", path: /^\/v1\.1\/payment$/, operation: "create", handle: create },
    { method: "POST", path: /^\/v1\.1\/payment\/verify$/, operation: "verify", handle: verify },
    { method: "POST", path: /^\/v1\.1\/payment\/inquiry$/, operation: "inquiry", handle: inquiry },
  ];
}

/** IDPay takes ids, order ids and amounts as strings or numbers alike. */
function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
