import type { GatewayFailure, GatewayFailureKind } from "@peykarband/application";
import { err, ok, type Rial, type Result } from "@peykarband/domain";
import got, { RequestError, TimeoutError, type Got } from "got";
import { setTimeout as sleep } from "node:timers/promises";
import { parseJsonBody, safeFailureMessage } from "../http/outbound-answer.ts";
import { measuredCall } from "../http/outbound-call.ts";

/** Deadlines and retries of the calls to one gateway. */
export interface GatewayTiming {
  /** To open the connection (TCP, and TLS where used). */
  readonly connectTimeoutMs: number;
  /** For one whole attempt, from sending the request to the last byte of the answer. */
  readonly requestTimeoutMs: number;
  /** Extra attempts of an idempotent call after a 5xx, a timeout or a network error. */
  readonly maxRetries: number;
  /** The pause before the first retry; it doubles for each further one, plus jitter. */
  readonly retryDelayMs: number;
}

export const DEFAULT_GATEWAY_TIMING: GatewayTiming = {
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  maxRetries: 2,
  retryDelayMs: 300,
};

export interface GatewayAnswer {
  readonly status: number;
  /** The parsed body; undefined when the body is not JSON. */
  readonly json: unknown;
}

export interface GatewayHttpClientOptions {
  /** Names the gateway in failure messages. */
  readonly label: string;
  readonly baseUrl: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Values that must never appear in a failure message: merchant id, API key. */
  readonly secrets: readonly string[];
  readonly timing: GatewayTiming;
}

const RETRYABLE: ReadonlySet<GatewayFailureKind> = new Set(["UNAVAILABLE", "TIMEOUT"]);

/**
 * JSON over HTTP to one gateway: a deadline on every attempt, retries only where the caller asks
 * for them, and failures whose messages never carry a credential. got's own retry is off: which
 * call may be repeated is the adapter's decision, not the transport's.
 */
export class GatewayHttpClient {
  readonly #http: Got;
  readonly #baseUrl: string;
  readonly #label: string;
  readonly #secrets: readonly string[];
  readonly #timing: GatewayTiming;

  constructor(options: GatewayHttpClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#label = options.label;
    this.#secrets = options.secrets.filter((secret) => secret.length > 0);
    this.#timing = options.timing;
    this.#http = got.extend({
      headers: { accept: "application/json", ...options.headers },
      timeout: { connect: options.timing.connectTimeoutMs, request: options.timing.requestTimeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: "text",
    });
  }

  /** One attempt. Transport faults come back as failures; any HTTP status comes back as an answer. */
  async post(
    path: string,
    body: Readonly<Record<string, unknown>>,
  ): Promise<Result<GatewayAnswer, GatewayFailure>> {
    try {
      const response = await measuredCall(this.#label.toLowerCase(), "POST", (headers) =>
        this.#http.post(`${this.#baseUrl}${path}`, { json: body, headers }),
      );
      return ok({ status: response.statusCode, json: parseJsonBody(response.body) });
    } catch (error) {
      // Only the error's code and phase are read: got's errors carry the request options, which
      // hold the credentials.
      if (error instanceof TimeoutError) {
        return err(this.failure("TIMEOUT", null, `${path}: no answer in time (${error.event} deadline)`));
      }
      if (error instanceof RequestError) {
        return err(this.failure("UNAVAILABLE", null, `${path}: ${error.code}`));
      }
      throw error;
    }
  }

  /**
   * Runs `call` again after UNAVAILABLE or TIMEOUT, with exponential backoff. Only for calls the
   * gateway answers the same way however often they arrive (verify, inquiry).
   */
  async retrying<T>(call: () => Promise<Result<T, GatewayFailure>>): Promise<Result<T, GatewayFailure>> {
    for (let attempt = 0; ; attempt++) {
      const result = await call();
      if (result.ok || !RETRYABLE.has(result.error.kind) || attempt >= this.#timing.maxRetries) return result;
      const base = this.#timing.retryDelayMs * 2 ** attempt;
      await sleep(base + Math.random() * base);
    }
  }

  /** A failure for logs: prefixed with the gateway's name, credentials blanked, bounded in length. */
  failure(kind: GatewayFailureKind, code: string | null, detail: string): GatewayFailure {
    return { kind, code, message: safeFailureMessage(this.#label, detail, this.#secrets) };
  }
}

/**
 * Rials as a JSON number, as both gateways take them. Top-up limits keep amounts far below 2^53,
 * so an amount beyond it is a caller's bug, not a gateway's answer.
 */
export function wireAmount(amount: Rial): number {
  if (!amount.isPositive() || amount.amount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount out of range for a payment gateway: ${amount.toString()}`);
  }
  return Number(amount.amount);
}
