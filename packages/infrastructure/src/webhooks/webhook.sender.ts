import type { WebhookAnswer, WebhookSender } from "@peykarband/application";
import { lookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import got, { RequestError, TimeoutError, type Got } from "got";
import { measuredCall } from "../http/outbound-call.ts";
import { mayDeliverTo } from "./address-policy.ts";

export interface WebhookSenderOptions {
  /** The sandbox: receivers on 127.0.0.1 are allowed. Everything else internal is refused anyway. */
  readonly allowLoopback: boolean;
  readonly timeoutMs?: number;
}

class ForbiddenAddress extends Error {
  override readonly name = "ForbiddenAddress";
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * POSTs deliveries with got: no redirects followed, no retries of its own (the job queue retries),
 * one timeout for the whole request. The host is resolved by our own lookup, which keeps only
 * addresses we may call and hands exactly those to the connection: what was checked is what is
 * dialled, so a DNS answer that changes in between (rebinding) cannot reach an internal address.
 */
export class GotWebhookSender implements WebhookSender {
  readonly #http: Got;
  readonly #allowLoopback: boolean;

  constructor(options: WebhookSenderOptions) {
    this.#allowLoopback = options.allowLoopback;
    this.#http = got.extend({
      timeout: { request: options.timeoutMs ?? 10_000 },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: "text",
      dnsLookup: ((hostname: string, lookupOptions: { all?: boolean }, callback: LookupCallback) =>
        this.#pinnedLookup(hostname, lookupOptions, callback)) as never,
    });
  }

  async check(url: URL): Promise<"ALLOWED" | "FORBIDDEN" | "UNRESOLVABLE"> {
    const host = bareHost(url);
    if (isIP(host)) return this.#may(host) ? "ALLOWED" : "FORBIDDEN";
    try {
      const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
        lookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
      );
      if (addresses.length === 0) return "UNRESOLVABLE";
      return addresses.every((address) => this.#may(address.address)) ? "ALLOWED" : "FORBIDDEN";
    } catch {
      return "UNRESOLVABLE";
    }
  }

  async post(request: {
    url: string;
    body: string;
    headers: Readonly<Record<string, string>>;
  }): Promise<WebhookAnswer> {
    const url = new URL(request.url);
    const host = bareHost(url);
    // An address literal is dialled without a lookup, so it is checked here.
    if (isIP(host) && !this.#may(host)) {
      return { kind: "FAILED", reason: "the address is not allowed", responseTimeMs: null };
    }
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await measuredCall("webhook", "POST", () =>
        this.#http.post(url, { body: request.body, headers: request.headers }),
      );
      return { kind: "ANSWERED", status: response.statusCode, responseTimeMs: elapsed() };
    } catch (error) {
      if (error instanceof TimeoutError)
        return { kind: "FAILED", reason: "no answer in time", responseTimeMs: elapsed() };
      if (error instanceof RequestError) {
        const reason =
          error.cause instanceof ForbiddenAddress ? error.cause.message : `could not connect (${error.code})`;
        return { kind: "FAILED", reason, responseTimeMs: elapsed() };
      }
      throw error;
    }
  }

  #may(address: string): boolean {
    return mayDeliverTo(address, { allowLoopback: this.#allowLoopback });
  }

  #pinnedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
    lookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = addresses.filter((address) => this.#may(address.address));
      if (allowed.length === 0)
        return callback(new ForbiddenAddress("the host resolves to no address we may call"), []);
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }
}

/** The URL's host without the brackets of an IPv6 literal. */
const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, "$1");
