import { describe, expect, it } from "vitest";
import { backoffDelay, isSafeToRetry, retryingFetch } from "../src/retry.ts";
import { fakeApi } from "./fake-api.ts";

const body = (operationName: string, variables: object = {}) =>
  JSON.stringify({ operationName, query: "…", variables });
const post = (client: typeof fetch, operationName: string, variables: object = {}, signal?: AbortSignal) =>
  client("http://api.test/graphql", {
    method: "POST",
    body: body(operationName, variables),
    ...(signal ? { signal } : {}),
  });
const noWait = { baseDelayMs: 0 };

describe("what the client may send twice", () => {
  it("is a query, or a mutation carrying an idempotency key", () => {
    expect(isSafeToRetry(body("Viewer"))).toBe(true);
    expect(isSafeToRetry(body("OrderServer", { input: { idempotencyKey: "k-1" } }))).toBe(true);
    expect(isSafeToRetry(body("OrderServer", { input: {} }))).toBe(false);
    expect(isSafeToRetry(body("LogIn", { input: { idempotencyKey: "k-1" } }))).toBe(false);
    expect(isSafeToRetry(body("RebootServer", { input: { serverId: "s" } }))).toBe(false);
    expect(isSafeToRetry(undefined)).toBe(false);
  });
});

describe("backoff", () => {
  it("doubles its ceiling at each retry, up to maxDelayMs, with full jitter", () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3].map((retry) => backoffDelay(retry, { baseDelayMs: 100 }, top))).toEqual([
      99, 199, 399, 799,
    ]);
    expect(backoffDelay(10, { baseDelayMs: 100, maxDelayMs: 1000 }, top)).toBe(999);
    expect(backoffDelay(3, { baseDelayMs: 100 }, () => 0)).toBe(0);
  });
});

describe("retryingFetch", () => {
  it("retries a query after 503 and a network error, then returns the answer", async () => {
    const api = fakeApi((_request, attempt) =>
      attempt === 1
        ? { status: 503 }
        : attempt === 2
          ? new TypeError("fetch failed")
          : { body: { data: {} } },
    );
    const response = await post(retryingFetch(api.fetch, noWait), "Viewer");
    expect(response.status).toBe(200);
    expect(api.sent).toHaveLength(3);
  });

  it("gives up after `retries` and returns the last refusal", async () => {
    const api = fakeApi(() => ({ status: 429, headers: { "retry-after": "0" } }));
    const response = await post(retryingFetch(api.fetch, { ...noWait, retries: 2 }), "Viewer");
    expect(response.status).toBe(429);
    expect(api.sent).toHaveLength(3);
  });

  it("never retries a mutation without an idempotency key, nor a 400 or 500", async () => {
    const unavailable = fakeApi(() => ({ status: 503 }));
    expect((await post(retryingFetch(unavailable.fetch, noWait), "RebootServer", { input: {} })).status).toBe(
      503,
    );
    expect(unavailable.sent).toHaveLength(1);

    const broken = fakeApi(() => ({ status: 500 }));
    expect((await post(retryingFetch(broken.fetch, noWait), "Viewer")).status).toBe(500);
    expect(broken.sent).toHaveLength(1);
  });

  it("retries a keyed mutation with the same key", async () => {
    const api = fakeApi((_request, attempt) =>
      attempt < 3 ? new TypeError("socket hang up") : { body: { data: {} } },
    );
    await post(retryingFetch(api.fetch, noWait), "StartTopUp", { input: { idempotencyKey: "k-7" } });
    expect(api.sent.map((request) => request.variables.input?.["idempotencyKey"])).toEqual([
      "k-7",
      "k-7",
      "k-7",
    ]);
  });

  it("stops waiting between attempts as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const api = fakeApi(() => {
      controller.abort(new Error("the user left"));
      return { status: 503 };
    });
    const slow = retryingFetch(api.fetch, { baseDelayMs: 3_600_000 });
    await expect(post(slow, "Viewer", {}, controller.signal)).rejects.toThrow("the user left");
    expect(api.sent).toHaveLength(1);
  });
});
