import { idempotentOperations, operationTypes } from "./generated/operation-facts.ts";

/** How the client retries a request that failed on the way (network error, 429, 502, 503, 504). */
export interface RetryOptions {
  /** Retries after the first attempt; 3 unless given, 0 turns retrying off. */
  readonly retries?: number;
  /** The first backoff, in milliseconds, doubled at each retry; 250 unless given. */
  readonly baseDelayMs?: number;
  /** No backoff (nor `Retry-After`) waits longer than this, in milliseconds; 10 000 unless given. */
  readonly maxDelayMs?: number;
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

/**
 * "Full jitter" backoff: a random delay up to `baseDelayMs · 2^retry`, capped, so clients that
 * failed together do not come back together.
 */
export function backoffDelay(
  retry: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs ?? 10_000, (options.baseDelayMs ?? 250) * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Whether sending this GraphQL request again cannot do anything twice: a query, or a mutation
 * whose input carries an idempotency key (the API answers a repeat with the first result).
 */
export function isSafeToRetry(body: unknown): boolean {
  if (typeof body !== "string") return false;
  const request = JSON.parse(body) as {
    operationName?: string;
    variables?: { input?: { idempotencyKey?: unknown } };
  };
  const name = request.operationName ?? "";
  if (operationTypes[name] === "query") return true;
  return idempotentOperations.has(name) && typeof request.variables?.input?.idempotencyKey === "string";
}

/** A fetch that retries what {@link isSafeToRetry} allows, with backoff, until `signal` aborts. */
export function retryingFetch(base: typeof fetch, options: RetryOptions): typeof fetch {
  const retries = options.retries ?? 3;
  return async (input, init) => {
    if (retries === 0 || !isSafeToRetry(init?.body)) return base(input, init);
    for (let retry = 0; ; retry++) {
      let delay: number;
      try {
        const response = await base(input, init);
        if (retry >= retries || !RETRIED_STATUSES.has(response.status)) return response;
        delay = retryAfter(response, options) ?? backoffDelay(retry, options);
        await response.body?.cancel();
      } catch (error) {
        if (retry >= retries || init?.signal?.aborted) throw error;
        delay = backoffDelay(retry, options);
      }
      await sleep(delay, init?.signal ?? undefined);
    }
  };
}

function retryAfter(response: Response, options: RetryOptions): number | null {
  const seconds = Number(response.headers.get("retry-after") ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0
    ? Math.min(seconds * 1000, options.maxDelayMs ?? 10_000)
    : null;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
