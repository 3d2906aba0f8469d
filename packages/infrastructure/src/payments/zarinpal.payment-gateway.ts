import type {
  GatewayFailure,
  GatewaySession,
  PaymentGateway,
  PaymentRequest,
  PaymentVerification,
  VerifyRequest,
} from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import { z } from "zod";
import {
  DEFAULT_GATEWAY_TIMING,
  GatewayHttpClient,
  wireAmount,
  type GatewayAnswer,
  type GatewayTiming,
} from "./gateway.http-client.ts";

export interface ZarinpalGatewayOptions {
  /** `https://payment.zarinpal.com`, `https://sandbox.zarinpal.com`, or a simulator. */
  readonly baseUrl: string;
  /** The terminal's 36-character merchant id. */
  readonly merchantId: string;
  readonly timing?: GatewayTiming;
}

const code = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const AUTHORITY = /^[AS][0-9a-zA-Z]{35}$/;

/** On failure `errors` is an object with the code; on success it is an empty list. */
const errorEnvelope = z.object({ errors: z.object({ code, message: z.string().optional() }) });
const successEnvelope = <Data extends z.ZodType>(data: Data) =>
  z.object({ data, errors: z.array(z.unknown()).length(0).optional() });

const requestData = successEnvelope(
  z.object({ code: z.literal(100), authority: z.string().regex(AUTHORITY) }),
);
const verifyData = successEnvelope(
  z.object({
    code: z.union([z.literal(100), z.literal(101)]),
    ref_id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]),
  }),
);

/** Verify answers that mean "no paid try for this session now": -51, and an unknown authority (-54). */
const NOT_PAID_CODES = new Set(["-51", "-54"]);

/**
 * Zarinpal v4, as ZarinPal's PHP SDK and docs speak it. Decisions follow `errors.code` /
 * `data.code`, never the HTTP status alone: the status of error envelopes is unconfirmed.
 *
 * No `inquiry`: its status vocabulary is unconfirmed, and an unreadable answer would hold every
 * payment PENDING. Verify is idempotent (101 verified before), but its -51 ("not an active paid
 * try") is the same before the payer pays and after they give up: only the payment window
 * makes it final (docs/payments.md).
 */
export class ZarinpalPaymentGateway implements PaymentGateway {
  readonly name = "ZARINPAL" as const;
  readonly #http: GatewayHttpClient;
  readonly #baseUrl: string;
  readonly #merchantId: string;

  constructor(options: ZarinpalGatewayOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#merchantId = options.merchantId;
    this.#http = new GatewayHttpClient({
      label: "Zarinpal",
      baseUrl: this.#baseUrl,
      secrets: [options.merchantId],
      timing: options.timing ?? DEFAULT_GATEWAY_TIMING,
    });
  }

  /** Never retried: a lost answer would leave a second session behind the one we retry for. */
  async requestPayment(request: PaymentRequest): Promise<Result<GatewaySession, GatewayFailure>> {
    const answer = await this.#http.post("/pg/v4/payment/request.json", {
      merchant_id: this.#merchantId,
      amount: wireAmount(request.amount),
      // Explicit, so a terminal whose default unit changes cannot turn our rials into tomans.
      currency: "IRR",
      description: request.description,
      callback_url: request.callbackUrl,
      metadata: { order_id: request.orderId },
    });
    if (!answer.ok) return answer;
    const read = this.#read(answer.value, requestData, "request");
    if (!read.ok) return read;
    const { authority } = read.value.data;
    return ok({ authority, redirectUrl: `${this.#baseUrl}/pg/StartPay/${authority}` });
  }

  async verify(request: VerifyRequest): Promise<Result<PaymentVerification, GatewayFailure>> {
    return this.#http.retrying<PaymentVerification>(async () => {
      const answer = await this.#http.post("/pg/v4/payment/verify.json", {
        merchant_id: this.#merchantId,
        amount: wireAmount(request.amount),
        authority: request.authority,
      });
      if (!answer.ok) return answer;
      const read = this.#read(answer.value, verifyData, "verify");
      if (!read.ok) {
        const { kind, code } = read.error;
        return kind === "REJECTED" && code !== null && NOT_PAID_CODES.has(code)
          ? ok({ status: "NOT_PAID" })
          : read;
      }
      const { code, ref_id } = read.value.data;
      return ok({
        status: code === 100 ? "PAID" : "ALREADY_VERIFIED",
        referenceId: String(ref_id),
        amount: null,
      });
    });
  }

  /** An error envelope is a refusal whatever the status; else only a 2xx of the expected shape is success. */
  #read<T>(answer: GatewayAnswer, success: z.ZodType<T>, operation: string): Result<T, GatewayFailure> {
    const refusal = errorEnvelope.safeParse(answer.json);
    if (refusal.success) {
      const { code, message } = refusal.data.errors;
      return err(
        this.#http.failure("REJECTED", String(code), `${operation}: ${code} ${message ?? ""}`.trim()),
      );
    }
    if (answer.status >= 500) {
      return err(this.#http.failure("UNAVAILABLE", null, `${operation}: HTTP ${answer.status}`));
    }
    const parsed = answer.status >= 200 && answer.status < 300 ? success.safeParse(answer.json) : null;
    if (!parsed?.success) {
      const what = answer.json === undefined ? "a body that is not JSON" : "an unexpected body";
      return err(
        this.#http.failure("INVALID_RESPONSE", null, `${operation}: HTTP ${answer.status} with ${what}`),
      );
    }
    return ok(parsed.data);
  }
}
