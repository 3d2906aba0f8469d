import type { CloudFailure } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import { z } from "zod";
import {
  CloudHttpClient,
  retryAfterMs,
  type CloudAnswer,
  type CloudRequest,
  type CloudTiming,
} from "../cloud.http-client.ts";
import { ovhSignature } from "./ovh.signature.ts";
import { ovhErrorBody } from "./ovh.wire.ts";

export interface OvhCredentials {
  readonly applicationKey: string;
  readonly applicationSecret: string;
  readonly consumerKey: string;
}

export interface OvhApiClientOptions {
  /** `https://eu.api.ovh.com/1.0`, or a simulator's `${url}/1.0`. */
  readonly baseUrl: string;
  /**
   * The API base the signature names; default `baseUrl`. python-ovh knows OVH's endpoints by name
   * and always signs the official URL (`https://eu.api.ovh.com/1.0/…`), even when the calls reach
   * a simulator or a proxy: set this to sign the same way while `baseUrl` points elsewhere.
   */
  readonly signedBaseUrl?: string;
  readonly credentials: OvhCredentials;
  readonly timing: CloudTiming;
  /** This machine's clock, ms. */
  readonly now: () => number;
}

type Failed = Result<never, CloudFailure>;

/**
 * Signed calls to the OVH API. OVH refuses a timestamp far from
 * its own clock, so the offset to it is learned once from `GET /auth/time` (unauthenticated) and
 * learned again after an INVALID_SIGNATURE.
 */
export class OvhApiClient {
  readonly #http: CloudHttpClient;
  readonly #clock: CloudHttpClient;
  readonly #options: OvhApiClientOptions;
  #deltaSeconds: number | null = null;
  #syncing: Promise<Result<number, CloudFailure>> | null = null;

  constructor(options: OvhApiClientOptions) {
    this.#options = options;
    const { applicationKey, applicationSecret, consumerKey } = options.credentials;
    // CloudHttpClient sends to the base without its trailing slashes, then the path.
    const sentBase = options.baseUrl.replace(/\/+$/, "");
    const signedBase = (options.signedBaseUrl ?? options.baseUrl).replace(/\/+$/, "");
    const shared = {
      label: "OVH",
      baseUrl: options.baseUrl,
      headers: { "x-ovh-application": applicationKey },
      secrets: [applicationSecret, consumerKey, applicationKey],
      timing: options.timing,
    };
    this.#clock = new CloudHttpClient(shared);
    this.#http = new CloudHttpClient({
      ...shared,
      sign: async ({ method, url, body }) => {
        const timestamp = String(Math.floor(options.now() / 1000) + (this.#deltaSeconds ?? 0));
        const signedUrl = signedBase + url.slice(sentBase.length);
        return {
          "x-ovh-consumer": consumerKey,
          "x-ovh-timestamp": timestamp,
          "x-ovh-signature": ovhSignature({
            applicationSecret,
            consumerKey,
            method,
            url: signedUrl,
            body,
            timestamp,
          }),
        };
      },
    });
  }

  get http(): CloudHttpClient {
    return this.#http;
  }

  /** One signed attempt, after the clock is known. */
  async send(request: CloudRequest): Promise<Result<CloudAnswer, CloudFailure>> {
    const clock = await this.#syncClock();
    if (!clock.ok) return clock;
    const answer = await this.#http.send(request);
    if (answer.ok && answer.value.status === 400 && errorCode(answer.value) === "INVALID_SIGNATURE") {
      this.#deltaSeconds = null;
    }
    return answer;
  }

  /**
   * The body of a 2xx as `success` describes it. Anything else is a failure: 429 RATE_LIMITED
   * (with the wait from Retry-After), 5xx UNAVAILABLE, a 4xx in OVH's error envelope REJECTED with
   * its errorCode (or class), and any answer we cannot read INVALID_RESPONSE.
   */
  read<T>(answer: CloudAnswer, success: z.ZodType<T>, operation: string): Result<T, CloudFailure> {
    const { status } = answer;
    if (status >= 200 && status < 300) {
      const parsed = success.safeParse(answer.json);
      if (parsed.success) return ok(parsed.data);
      return this.#fail(
        "INVALID_RESPONSE",
        null,
        `${operation}: HTTP ${status} with an unexpected body`,
        answer,
      );
    }
    const error = ovhErrorBody.safeParse(answer.json);
    const code = (error.success && (error.data.errorCode ?? error.data.class)) || String(status);
    const detail = `${operation}: HTTP ${status} ${code}${error.success ? ` ${error.data.message}` : ""}`;
    if (status === 429) return this.#fail("RATE_LIMITED", code, detail, answer, retryAfterMs(answer.headers));
    if (status >= 500) return this.#fail("UNAVAILABLE", code, detail, answer);
    if (status >= 400 && error.success) return this.#fail("REJECTED", code, detail, answer);
    return this.#fail("INVALID_RESPONSE", null, `${detail} with an unexpected body`, answer);
  }

  /** OVH's own 404 (its envelope): the object is gone. A bare 404 from elsewhere is not proof of that. */
  isNotFound(answer: CloudAnswer): boolean {
    return answer.status === 404 && ovhErrorBody.safeParse(answer.json).success;
  }

  #fail(
    kind: CloudFailure["kind"],
    code: string | null,
    detail: string,
    answer: CloudAnswer,
    retryAfter?: number,
  ): Failed {
    const queryId = header(answer, "x-ovh-queryid");
    const withQuery = queryId ? `${detail} (query ${queryId})` : detail;
    return err(this.#http.failure(kind, code, withQuery, retryAfter));
  }

  async #syncClock(): Promise<Result<number, CloudFailure>> {
    if (this.#deltaSeconds !== null) return ok(this.#deltaSeconds);
    this.#syncing ??= this.#clock
      .retrying(async () => {
        const answer = await this.#clock.send({ method: "GET", path: "/auth/time" });
        if (!answer.ok) return answer;
        return this.read(answer.value, z.number().int().positive(), "GET /auth/time");
      })
      .then((time) => {
        this.#syncing = null;
        if (!time.ok) return time;
        this.#deltaSeconds = time.value - Math.floor(this.#options.now() / 1000);
        return ok(this.#deltaSeconds);
      });
    return this.#syncing;
  }
}

function header(answer: CloudAnswer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorCode(answer: CloudAnswer): string | undefined {
  const body = ovhErrorBody.safeParse(answer.json);
  return body.success ? body.data.errorCode : undefined;
}
