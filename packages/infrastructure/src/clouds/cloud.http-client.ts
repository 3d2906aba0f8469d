import type { CloudFailure, CloudFailureKind } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import got, { RequestError, TimeoutError, type Got } from "got";
import { setTimeout as sleep } from "node:timers/promises";
import { parseJsonBody, safeFailureMessage } from "../http/outbound-answer.ts";
import { measuredCall } from "../http/outbound-call.ts";

/** Deadlines and retries of the calls to one cloud. */
export interface CloudTiming {
  readonly connectTimeoutMs: number;
  /** For one whole attempt, from sending the request to the last byte of the answer. */
  readonly requestTimeoutMs: number;
  /** Extra attempts of a read after UNAVAILABLE, TIMEOUT or RATE_LIMITED. */
  readonly maxRetries: number;
  /** The pause before the first retry; it doubles for each further one, plus jitter. */
  readonly retryDelayMs: number;
  /** A rate-limit wait longer than this is not slept through: the failure goes back to the caller. */
  readonly maxRateLimitWaitMs: number;
}

export const DEFAULT_CLOUD_TIMING: CloudTiming = {
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 30_000,
  maxRetries: 3,
  retryDelayMs: 500,
  maxRateLimitWaitMs: 10_000,
};

export type CloudMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface CloudRequest {
  readonly method: CloudMethod;
  /** Appended to the base URL, query string included. */
  readonly path: string;
  /** Sent as compact JSON (`JSON.stringify`), exactly the string a signer sees. */
  readonly body?: unknown;
}

export interface CloudAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed body; undefined when empty or not JSON. */
  readonly json: unknown;
}

export interface CloudHttpClientOptions {
  /** Names the provider in failure messages. */
  readonly label: string;
  readonly baseUrl: string;
  /** Headers for every call (Authorization, X-Ovh-Application). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra headers computed per call from the exact URL and body (OVH's signature). */
  readonly sign?: (request: {
    method: CloudMethod;
    url: string;
    body: string;
  }) => Promise<Record<string, string>>;
  /** Values that must never appear in a failure message: tokens, secrets. */
  readonly secrets: readonly string[];
  readonly timing: CloudTiming;
}

const RETRYABLE: ReadonlySet<CloudFailureKind> = new Set(["UNAVAILABLE", "TIMEOUT", "RATE_LIMITED"]);

/**
 * JSON over HTTP to one cloud: a deadline on every attempt, no automatic retries (got's are off:
 * which call may be repeated is the adapter's decision), failures whose messages never carry a
 * credential. Transport faults come back as failures; every HTTP status comes back as an answer
 * for the adapter to read in its provider's terms.
 */
export class CloudHttpClient {
  readonly #http: Got;
  readonly #options: CloudHttpClientOptions;
  readonly #baseUrl: string;
  readonly #secrets: readonly string[];

  constructor(options: CloudHttpClientOptions) {
    this.#options = options;
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#secrets = options.secrets.filter((secret) => secret.length > 0);
    this.#http = got.extend({
      headers: { accept: "application/json", ...options.headers },
      timeout: { connect: options.timing.connectTimeoutMs, request: options.timing.requestTimeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: "text",
    });
  }

  get timing(): CloudTiming {
    return this.#options.timing;
  }

  /** One attempt. */
  async send(request: CloudRequest): Promise<Result<CloudAnswer, CloudFailure>> {
    const url = `${this.#baseUrl}${request.path}`;
    const body = request.body === undefined ? "" : JSON.stringify(request.body);
    try {
      const signed = this.#options.sign
        ? await this.#options.sign({ method: request.method, url, body })
        : {};
      const response = await measuredCall(this.#options.label.toLowerCase(), request.method, (trace) =>
        this.#http(url, {
          method: request.method,
          headers: { ...trace, ...signed, ...(body ? { "content-type": "application/json" } : {}) },
          ...(body ? { body } : {}),
        }),
      );
      return ok({
        status: response.statusCode,
        headers: response.headers,
        json: parseJsonBody(response.body),
      });
    } catch (error) {
      // Only the error's code and phase are read: got's errors carry the request options, which
      // hold the credentials.
      if (error instanceof TimeoutError) {
        return err(
          this.failure(
            "TIMEOUT",
            null,
            `${request.method} ${request.path}: no answer in time (${error.event})`,
          ),
        );
      }
      if (error instanceof RequestError) {
        return err(this.failure("UNAVAILABLE", null, `${request.method} ${request.path}: ${error.code}`));
      }
      throw error;
    }
  }

  /**
   * Runs `call` again after UNAVAILABLE, TIMEOUT or RATE_LIMITED, with exponential backoff and
   * jitter (a rate limit waits what the provider asked, up to `maxRateLimitWaitMs`). Only for calls
   * that change nothing at the provider: reads, and lookups before a create.
   */
  async retrying<T>(call: () => Promise<Result<T, CloudFailure>>): Promise<Result<T, CloudFailure>> {
    const timing = this.#options.timing;
    for (let attempt = 0; ; attempt++) {
      const result = await call();
      if (result.ok || !RETRYABLE.has(result.error.kind) || attempt >= timing.maxRetries) return result;
      const base = timing.retryDelayMs * 2 ** attempt;
      const wait = result.error.retryAfterMs ?? base + Math.random() * base;
      if (wait > timing.maxRateLimitWaitMs) return result;
      await sleep(wait);
    }
  }

  /** A failure for logs: prefixed with the provider's name, credentials blanked, bounded in length. */
  failure(kind: CloudFailureKind, code: string | null, detail: string, retryAfterMs?: number): CloudFailure {
    const message = safeFailureMessage(this.#options.label, detail, this.#secrets);
    return {
      kind,
      code,
      message,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
}

/**
 * How long a 429 asks us to wait: `Retry-After` (seconds) when present, else `RateLimit-Reset`
 * (a Unix time in seconds, DigitalOcean and Hetzner) minus now, else undefined.
 */
export function retryAfterMs(headers: CloudAnswer["headers"], now: number = Date.now()): number | undefined {
  const header = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfter = Number(header("retry-after"));
  if (header("retry-after") !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0)
    return retryAfter * 1000;
  const reset = Number(header("ratelimit-reset"));
  if (header("ratelimit-reset") !== undefined && Number.isFinite(reset))
    return Math.max(0, reset * 1000 - now);
  return undefined;
}
