import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createPeykarbandClient,
  errorCodes,
  isUserErrorCode,
  userErrorCodesOf,
  type LogInMutation,
  type UserErrorCode,
} from "../src/index.ts";
import { fakeApi, unauthenticated, viewerData, type Answer } from "./fake-api.ts";

const url = "http://api.test/graphql";
const noWait = { baseDelayMs: 0 };
const orderInput = { name: "web-1", planId: "p", regionId: "r", imageId: "i", sshKeyIds: [] };
const ordered: Answer = { body: { data: { orderServer: { server: null, userErrors: [] } } } };

describe("createPeykarbandClient with a session", () => {
  const session = { accessToken: "access-1", refreshToken: "refresh-1" };
  const user = {
    id: "VXNlcjox",
    email: "a@example.com",
    phone: null,
    role: "CUSTOMER",
    twoFactorEnabled: false,
    createdAt: "2026-01-01T00:00:00Z",
  };
  const refreshed = {
    body: {
      data: {
        refreshSession: {
          session: {
            accessToken: "access-2",
            accessTokenExpiresAt: "2030-01-01T00:00:00Z",
            refreshToken: "refresh-2",
            refreshTokenExpiresAt: "2030-01-01T00:00:00Z",
            user,
          },
          userErrors: [],
        },
      },
    },
  };

  it("refreshes an expired access token once, stores the new pair and retries with it", async () => {
    const api = fakeApi((request) =>
      request.operationName === "RefreshSession"
        ? refreshed
        : request.authorization === "Bearer access-2"
          ? viewerData("a@example.com")
          : unauthenticated,
    );
    const seen: unknown[] = [];
    const client = createPeykarbandClient({ url, session, fetch: api.fetch, onTokens: (t) => seen.push(t) });
    expect((await client.Viewer()).viewer?.email).toBe("a@example.com");
    expect(api.sent.map((r) => [r.operationName, r.authorization])).toEqual([
      ["Viewer", "Bearer access-1"],
      ["RefreshSession", null],
      ["Viewer", "Bearer access-2"],
    ]);
    expect(api.sent[1]?.variables.input).toEqual({ refreshToken: "refresh-1" });
    expect(client.tokens()).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });
    expect(seen).toHaveLength(1);
  });
});

describe("createPeykarbandClient with an API key", () => {
  it("sends the key as the bearer token and never tries to refresh it", async () => {
    const api = fakeApi(() => unauthenticated);
    const client = createPeykarbandClient({ url, apiKey: "pkb_k1_secret", fetch: api.fetch });
    const error = await client.Viewer().catch((e: unknown) => e);
    expect(errorCodes(error)).toEqual(["UNAUTHENTICATED"]);
    expect(api.sent.map((r) => [r.operationName, r.authorization])).toEqual([
      ["Viewer", "Bearer pkb_k1_secret"],
    ]);
  });

  it("cannot be given a session as well (a compile-time error)", () => {
    // @ts-expect-error: an API key or a session, not both
    const options: Parameters<typeof createPeykarbandClient>[0] = { url, apiKey: "k", session: null };
    expect(options.url).toBe(url);
  });
});

describe("idempotency keys and retries", () => {
  it("adds a fresh key to a keyed mutation given none, keeps it across retries, and a new one per call", async () => {
    const api = fakeApi((_request, attempt) => (attempt === 1 ? { status: 503 } : ordered));
    const client = createPeykarbandClient({ url, fetch: api.fetch, retry: noWait });
    await client.OrderServer({ input: orderInput });
    await client.OrderServer({ input: orderInput });
    const keys = api.sent.map((r) => r.variables.input?.["idempotencyKey"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("keeps the caller's key", async () => {
    const api = fakeApi(() => ordered);
    const client = createPeykarbandClient({ url, fetch: api.fetch });
    await client.OrderServer({ input: { ...orderInput, idempotencyKey: "order-42" } });
    expect(api.sent[0]?.variables.input?.["idempotencyKey"]).toBe("order-42");
  });

  it("does not retry a mutation without a key, and sends none", async () => {
    const api = fakeApi(() => ({ status: 503 }));
    const client = createPeykarbandClient({ url, fetch: api.fetch, retry: noWait });
    await expect(client.RebootServer({ input: { serverId: "s" } })).rejects.toThrow();
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]?.variables.input).toEqual({ serverId: "s" });
  });

  it("retries a query until it is answered", async () => {
    const api = fakeApi((_request, attempt) =>
      attempt < 3 ? new TypeError("fetch failed") : viewerData("b@example.com"),
    );
    const client = createPeykarbandClient({ url, fetch: api.fetch, retry: noWait });
    expect((await client.Viewer()).viewer?.email).toBe("b@example.com");
    expect(api.sent).toHaveLength(3);
  });
});

describe("cancellation", () => {
  it("rejects at once with an aborted signal and sends nothing", async () => {
    const api = fakeApi(() => viewerData("c@example.com"));
    const client = createPeykarbandClient({ url, fetch: api.fetch });
    const controller = new AbortController();
    controller.abort(new Error("navigated away"));
    await expect(client.Viewer({}, undefined, controller.signal)).rejects.toThrow("navigated away");
    expect(api.sent).toHaveLength(0);
  });

  it("ends the wait between retries when the signal aborts", async () => {
    const controller = new AbortController();
    const api = fakeApi(() => {
      controller.abort(new Error("navigated away"));
      return { status: 503 };
    });
    const client = createPeykarbandClient({ url, fetch: api.fetch, retry: { baseDelayMs: 3_600_000 } });
    await expect(client.Viewer({}, undefined, controller.signal)).rejects.toThrow("navigated away");
    expect(api.sent).toHaveLength(1);
  });
});

describe("userErrors codes", () => {
  it("are unions generated from the schema's XErrorCode enums", () => {
    expectTypeOf<UserErrorCode<"LogInErrorCode">>().toEqualTypeOf<
      "INVALID_CREDENTIALS" | "INVALID_TWO_FACTOR_CODE" | "TOO_MANY_ATTEMPTS" | "TWO_FACTOR_REQUIRED"
    >();
    expectTypeOf<LogInMutation["logIn"]["userErrors"][number]["code"]>().toEqualTypeOf<
      UserErrorCode<"LogInErrorCode">
    >();
    expectTypeOf<"INSUFFICIENT_FUNDS">().toExtend<UserErrorCode>();
  });

  it("are checked at run time against the same lists", () => {
    expect(isUserErrorCode("OrderServerErrorCode", "INSUFFICIENT_FUNDS")).toBe(true);
    expect(isUserErrorCode("OrderServerErrorCode", "TWO_FACTOR_REQUIRED")).toBe(false);
    const payload: LogInMutation["logIn"] = {
      session: null,
      userErrors: [{ field: null, code: "TWO_FACTOR_REQUIRED", message: "code needed" }],
    };
    const codes = userErrorCodesOf(payload);
    expectTypeOf(codes).toEqualTypeOf<UserErrorCode<"LogInErrorCode">[]>();
    expect(codes).toEqual(["TWO_FACTOR_REQUIRED"]);
  });
});
