import type {
  GatewayFailure,
  GatewaySession,
  PaymentGateway,
  PaymentInquiry,
  PaymentRequest,
  PaymentVerification,
  VerifyRequest,
} from "@peykarband/application";
import { err, ok, Rial, type Result } from "@peykarband/domain";
import { z } from "zod";
import {
  DEFAULT_GATEWAY_TIMING,
  GatewayHttpClient,
  wireAmount,
  type GatewayAnswer,
  type GatewayTiming,
} from "./gateway.http-client.ts";

export interface IdpayGatewayOptions {
  /** `https://api.idpay.ir` or a simulator; the adapter adds `/v1.1`. */
  readonly baseUrl: string;
  /** The web service's `X-API-KEY`. */
  readonly apiKey: string;
  /** Sends `X-SANDBOX: 1`: IDPay simulates the payments, no money moves. */
  readonly sandbox: boolean;
  readonly timing?: GatewayTiming;
}

/** The docs document numbers, their examples send strings, the Postman collection numbers: take both. */
const digits = z.union([z.number().int().nonnegative().transform(String), z.string().regex(/^\d{1,25}$/)]);
const text = z.union([z.string(), z.number().transform(String)]);

const errorBody = z.object({
  error_code: z.union([z.number().int(), z.string().regex(/^-?\d+$/)]),
  error_message: z.string().optional(),
});
const created = z.object({
  id: z.string().min(1).max(100),
  link: z.string().refine((link) => URL.canParse(link) && /^https?:$/.test(new URL(link).protocol)),
});
/** The verify answer; inquiry answers the same shape plus fields we do not read. */
const transaction = z.object({
  status: digits,
  track_id: digits.optional(),
  id: text,
  order_id: text,
  amount: digits.optional(),
  payment: z.object({ amount: digits.optional() }).optional(),
});
type Transaction = z.infer<typeof transaction>;

/** §5.6: every documented status other than 10 (waiting for verification) and the verified ones. */
const UNPAID_STATUSES = new Set([1, 2, 3, 4, 5, 6, 7, 8]);

/**
 * IDPay v1.1, as its web-service docs speak it. A 5xx is UNAVAILABLE even with an IDPay error body:
 * the documented 500s are -1 (unexpected) and 15 (service unavailable), both worth a retry.
 */
export class IdpayPaymentGateway implements PaymentGateway {
  readonly name = "IDPAY" as const;
  readonly #http: GatewayHttpClient;

  constructor(options: IdpayGatewayOptions) {
    this.#http = new GatewayHttpClient({
      label: "IDPay",
      baseUrl: `${options.baseUrl.replace(/\/+$/, "")}/v1.1`,
      headers: { "x-api-key": options.apiKey, ...(options.sandbox && { "x-sandbox": "1" }) },
      secrets: [options.apiKey],
      timing: options.timing ?? DEFAULT_GATEWAY_TIMING,
    });
  }

  /** Never retried: a lost answer would leave a second transaction behind the one we retry for. */
  async requestPayment(request: PaymentRequest): Promise<Result<GatewaySession, GatewayFailure>> {
    const answer = await this.#http.post("/payment", {
      order_id: request.orderId,
      amount: wireAmount(request.amount),
      callback: request.callbackUrl,
      desc: request.description,
    });
    if (!answer.ok) return answer;
    const read = this.#read(answer.value, created, "create");
    if (!read.ok) return read;
    return ok({ authority: read.value.id, redirectUrl: read.value.link });
  }

  /** IDPay takes no amount here; it reports its own, which the use case compares with ours. */
  async verify(request: VerifyRequest): Promise<Result<PaymentVerification, GatewayFailure>> {
    return this.#http.retrying<PaymentVerification>(async () => {
      const read = await this.#transaction("/payment/verify", request, "verify");
      if (!read.ok) {
        const notPaid = read.error.kind === "REJECTED" && read.error.code === "53";
        return notPaid ? ok({ status: "NOT_PAID" }) : read;
      }
      const tx = read.value;
      const status = Number(tx.status);
      if (UNPAID_STATUSES.has(status)) return ok({ status: "NOT_PAID" });
      if (status !== 100 && status !== 101 && status !== 200) {
        return err(this.#http.failure("INVALID_RESPONSE", tx.status, `verify: status ${tx.status}`));
      }
      if (tx.track_id === undefined) {
        return err(this.#http.failure("INVALID_RESPONSE", tx.status, "verify: verified without track_id"));
      }
      const amount = reportedAmount(tx);
      if (amount === undefined) {
        return err(
          this.#http.failure("INVALID_RESPONSE", tx.status, "verify: amounts unreadable or contradicting"),
        );
      }
      return ok({ status: status === 100 ? "PAID" : "ALREADY_VERIFIED", referenceId: tx.track_id, amount });
    });
  }

  async inquiry(request: {
    authority: string;
    orderId: string;
  }): Promise<Result<PaymentInquiry, GatewayFailure>> {
    return this.#http.retrying<PaymentInquiry>(async () => {
      const read = await this.#transaction("/payment/inquiry", request, "inquiry");
      // 52, "no result": no such transaction, so nothing was paid; verify decides in the end anyway.
      if (!read.ok) {
        const unknown = read.error.kind === "REJECTED" && read.error.code === "52";
        return unknown ? ok({ status: "NOT_PAID" }) : read;
      }
      const status = Number(read.value.status);
      if (status === 1 || status === 8) return ok({ status: "IN_PROGRESS" });
      if (status === 10 || status === 100 || status === 101 || status === 200) return ok({ status: "PAID" });
      if (UNPAID_STATUSES.has(status)) return ok({ status: "NOT_PAID" });
      return err(this.#http.failure("INVALID_RESPONSE", read.value.status, `inquiry: status ${status}`));
    });
  }

  /** Verify and inquiry: one attempt, and an answer about another transaction is no answer. */
  async #transaction(
    path: string,
    request: { authority: string; orderId: string },
    operation: string,
  ): Promise<Result<Transaction, GatewayFailure>> {
    const answer = await this.#http.post(path, { id: request.authority, order_id: request.orderId });
    if (!answer.ok) return answer;
    const read = this.#read(answer.value, transaction, operation);
    if (!read.ok) return read;
    if (read.value.id !== request.authority || read.value.order_id !== request.orderId) {
      return err(
        this.#http.failure("INVALID_RESPONSE", null, `${operation}: answer about another transaction`),
      );
    }
    return read;
  }

  #read<T>(answer: GatewayAnswer, success: z.ZodType<T>, operation: string): Result<T, GatewayFailure> {
    const refusal = errorBody.safeParse(answer.json);
    const code = refusal.success ? String(refusal.data.error_code) : null;
    const said = refusal.success ? `, error_code ${code} ${refusal.data.error_message ?? ""}`.trimEnd() : "";
    if (answer.status >= 500) {
      return err(this.#http.failure("UNAVAILABLE", code, `${operation}: HTTP ${answer.status}${said}`));
    }
    if (code !== null)
      return err(this.#http.failure("REJECTED", code, `${operation}: HTTP ${answer.status}${said}`));
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

/**
 * What was paid: `payment.amount` (the payer's payment) and `amount` (the transaction) must agree
 * where both are given. Undefined when they contradict; null when neither is given.
 */
function reportedAmount(tx: Transaction): Rial | null | undefined {
  const given = [tx.payment?.amount, tx.amount].filter((value) => value !== undefined);
  const [first] = given;
  if (first === undefined) return null;
  if (given.some((value) => BigInt(value) !== BigInt(first))) return undefined;
  const amount = Rial.parse(first);
  return amount.ok ? amount.value : undefined;
}
