import { randomInt } from "node:crypto";
import { parseJsonObject } from "../shared/json-body.parse.ts";
import type { Reply } from "../shared/reply.ts";
import type { IncomingCall, Route } from "../shared/simulator.server.ts";
import type { ZarinpalContext, ZarinpalOperation } from "./zarinpal.context.ts";
import { zarinpalError, zarinpalSuccess, type Validations } from "./zarinpal.envelope.ts";
import { validate } from "./zarinpal-input.validation.ts";
import type { ZarinpalPayment } from "./zarinpal.payment.ts";

const MAX_AMOUNT = { IRR: 1_000_000_000, IRT: 100_000_000 } as const;
const ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The server-to-server API under `/pg/v4/payment/`. */
export function zarinpalApiRoutes(context: ZarinpalContext): Route<ZarinpalOperation>[] {
  const fail = (code: Parameters<typeof zarinpalError>[1], validations?: Validations): Reply =>
    zarinpalError(context.errorHttpStatus, code, validations);

  /** Validation first, then the terminal: a well-formed id that is not ours is -10. */
  const checkInput = (body: Record<string, unknown>, fields: Parameters<typeof validate>[1]) => {
    const validations = validate(body, fields);
    if (validations.length > 0) return fail(-9, validations);
    return body.merchant_id === context.merchantId ? undefined : fail(-10);
  };

  const request = ({ body: raw }: IncomingCall): Reply => {
    const body = parseJsonObject(raw);
    const rejected = checkInput(body, [
      "merchant_id",
      "amount",
      "callback_url",
      "description",
      "currency",
      "metadata",
    ]);
    if (rejected) return rejected;
    const currency = body.currency === "IRT" ? "IRT" : "IRR";
    const amount = body.amount as number;
    if (amount > MAX_AMOUNT[currency]) return fail(-41);

    const authority = `A${Array.from({ length: 35 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("")}`;
    context.payments.add(authority, {
      authority,
      merchantId: context.merchantId,
      amount,
      currency,
      description: body.description as string,
      callbackUrl: body.callback_url as string,
      metadata: (body.metadata ?? {}) as Record<string, unknown>,
      createdAt: new Date(),
      status: "CREATED",
      verifyCalls: 0,
    });
    return zarinpalSuccess({ code: 100, message: "Success", authority, fee_type: "Merchant", fee: 0 });
  };

  const verify = ({ body: raw }: IncomingCall): Reply => {
    const body = parseJsonObject(raw);
    const rejected = checkInput(body, ["merchant_id", "amount", "authority"]);
    if (rejected) return rejected;
    const payment = context.payments.find(body.authority as string);
    if (!payment) return fail(-54);
    payment.verifyCalls += 1;
    if (body.amount !== payment.amount) return fail(-50);
    if (payment.status === "VERIFIED") return verified(payment, 101);
    if (payment.status !== "PAID") return fail(-51);

    payment.status = "VERIFIED";
    payment.verifiedAt = new Date();
    payment.refId = randomInt(100_000_000, 1_000_000_000);
    return verified(payment, context.faults.current.alreadyVerified ? 101 : 100);
  };

  const unverified = ({ body: raw }: IncomingCall): Reply => {
    const rejected = checkInput(parseJsonObject(raw), ["merchant_id"]);
    if (rejected) return rejected;
    const authorities = context.payments
      .list()
      .filter((p) => p.status === "PAID")
      .map((p) => ({
        authority: p.authority,
        amount: p.amount,
        callback_url: p.callbackUrl,
        referer: p.referer ?? "",
        date: tehranTime(p.paidAt!),
      }));
    return zarinpalSuccess({ code: 100, message: "Success", authorities });
  };

  const inquiry = ({ body: raw }: IncomingCall): Reply => {
    const body = parseJsonObject(raw);
    const rejected = checkInput(body, ["merchant_id", "authority"]);
    if (rejected) return rejected;
    const payment = context.payments.find(body.authority as string);
    if (!payment) return fail(-54);
    return zarinpalSuccess({ code: 100, message: "Success", status: INQUIRY_STATUS[payment.status] });
  };

  return [
    { method: "POST", path: /^\/pg\/v4\/payment\/request\.json$/, operation: "request", handle: request },
    { method: "POST", path: /^\/pg\/v4\/payment\/verify\.json$/, operation: "verify", handle: verify },
    {
      method: "POST",
      path: /^\/pg\/v4\/payment\/unVerified\.json$/,
      operation: "unverified",
      handle: unverified,
    },
    { method: "POST", path: /^\/pg\/v4\/payment\/inquiry\.json$/, operation: "inquiry", handle: inquiry },
  ];
}

/** The inquiry vocabulary is unconfirmed (docs/providers.md §4 lists these as examples only). */
const INQUIRY_STATUS = {
  CREATED: "IN_BANK",
  PAID: "PAID",
  VERIFIED: "VERIFIED",
  CANCELLED: "FAILED",
  FAILED: "FAILED",
} as const satisfies Record<ZarinpalPayment["status"], string>;

function verified(payment: ZarinpalPayment, code: 100 | 101): Reply {
  return zarinpalSuccess({
    code,
    message: "Verified",
    card_hash: payment.cardHash,
    card_pan: payment.cardPan,
    ref_id: payment.refId,
    fee_type: "Merchant",
    fee: 0,
  });
}

/** `2020-07-01 17:33:17`, Tehran time: the format seen in `unVerified.json` examples; the zone is a guess. */
function tehranTime(date: Date): string {
  return date.toLocaleString("sv-SE", { timeZone: "Asia/Tehran" });
}
