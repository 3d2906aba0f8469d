import { FixedClock } from "@peykarband/infrastructure/testing";
import { ViewerDocument, type SessionTokens, type ViewerQuery } from "@peykarband/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { wsOnce } from "./support/graphql-client.ts";
import { createTestSdk, rejectionOf } from "./support/sdk-client.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

const password = "correct horse battery";

describe("the SDK's client against the real gateway", () => {
  /**
   * The app's clock stands still unless a test moves it, so a token expires exactly when a test
   * says so, however slowly the machine runs.
   */
  const clock = new FixedClock(new Date());
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  const pastExpirySeconds = () => t.config.accessTokenTtlSeconds + 1;
  /** The gateway now refuses every access token issued so far; the SDK learns it from a 401. */
  const moveClockPastExpiry = () => clock.advance(pastExpirySeconds());
  /**
   * The SDK, in this process too, reads `Date` to refresh a token about to expire before it opens
   * a socket: set its `Date` to the app's clock. Only `Date` is faked; timers and I/O run as usual.
   */
  const moveBothClocksPastExpiry = () => {
    moveClockPastExpiry();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(clock.now());
  };

  /** A client that reports every change of its tokens, signed up as a new user. */
  async function signedUp(emailAddress: string) {
    const seen: (SessionTokens | null)[] = [];
    const client = createTestSdk(t.app.url, { onTokens: (tokens) => seen.push(tokens) });
    const { registerUser } = await client.RegisterUser({ input: { email: emailAddress, password } });
    expect(registerUser.userErrors).toEqual([]);
    return { client, seen };
  }

  it("keeps the session of a sign-up and a sign-in, and forgets it at sign-out", async () => {
    const { client, seen } = await signedUp("keeper@example.com");
    expect(seen).toHaveLength(1);
    expect(client.tokens()).toEqual(seen[0]);
    expect((await client.Viewer()).viewer?.email).toBe("keeper@example.com");

    const { logOut } = await client.LogOut({ input: {} });
    expect(logOut.loggedOut).toBe(true);
    expect(client.tokens()).toBeNull();
    expect(seen.at(-1)).toBeNull();
    expect((await client.Viewer()).viewer).toBeNull();

    const { logIn } = await client.LogIn({ input: { email: "keeper@example.com", password } });
    expect(client.tokens()?.accessToken).toBe(logIn.session!.accessToken);
    expect(seen).toHaveLength(3);
  });

  it("refreshes an expired access token once and retries, without the caller noticing", async () => {
    const { client, seen } = await signedUp("expiry@example.com");
    const before = client.tokens()!;
    moveClockPastExpiry();

    const { viewer } = await client.Viewer();
    expect(viewer?.email).toBe("expiry@example.com");
    // Refused with 401, refreshed, retried.
    expect(client.responses.slice(-3).map((r) => r.status)).toEqual([401, 200, 200]);
    expect(client.responses.at(-3)?.body?.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    expect(seen).toHaveLength(2);
    const after = client.tokens()!;
    expect(seen.at(-1)).toEqual(after);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  it("shares one refresh among concurrent requests, so rotation never looks like reuse", async () => {
    const { client, seen } = await signedUp("burst@example.com");
    moveClockPastExpiry();

    const results = await Promise.all([client.Viewer(), client.Viewer(), client.Health(), client.Viewer()]);
    expect(results.map((r) => ("viewer" in r ? r.viewer?.email : r.health.sandbox))).toEqual([
      "burst@example.com",
      "burst@example.com",
      true,
      "burst@example.com",
    ]);
    expect(seen).toHaveLength(2);
    // A second refresh with the old token would have ended the session: it is still alive.
    expect((await client.Viewer()).viewer?.email).toBe("burst@example.com");
  });

  it("surfaces UNAUTHENTICATED and drops the tokens when the session cannot be refreshed", async () => {
    const { client, seen } = await signedUp("revoked@example.com");
    const elsewhere = createTestSdk(t.app.url);
    await elsewhere.LogIn({ input: { email: "revoked@example.com", password } });
    expect((await elsewhere.LogOut({ input: { everywhere: true } })).logOut.loggedOut).toBe(true);

    const error = await rejectionOf(client.Viewer());
    expect(error.response.status).toBe(401);
    expect(error.codes).toEqual(["UNAUTHENTICATED"]);
    expect(client.tokens()).toBeNull();
    expect(seen.at(-1)).toBeNull();
  });

  it("surfaces API errors: top-level codes reject, userErrors resolve, in the requested language", async () => {
    const { client } = await signedUp("customer@example.com");
    const forbidden = await rejectionOf(client.AuditEvents({ first: 5 }));
    expect(forbidden.codes).toEqual(["FORBIDDEN"]);
    expect(forbidden.response.status).toBe(200);

    const persian = createTestSdk(t.app.url, { headers: { "accept-language": "fa" } });
    const { logIn } = await persian.LogIn({
      input: { email: "customer@example.com", password: "wrong password" },
    });
    expect(logIn.session).toBeNull();
    expect(logIn.userErrors[0]?.code).toBe("INVALID_CREDENTIALS");
    expect(logIn.userErrors[0]?.message).toMatch(/[\u0600-\u06FF]/);
    expect(persian.tokens()).toBeNull();
  });

  it("authorizes subscriptions from connection_init, refreshing a token about to expire first", async () => {
    const { client, seen } = await signedUp("socket@example.com");
    moveBothClocksPastExpiry();
    try {
      const result = await wsOnce<ViewerQuery>(client.subscriptions(), ViewerDocument);
      expect(result.errors).toBeUndefined();
      expect(result.data?.viewer?.email).toBe("socket@example.com");
      expect(seen).toHaveLength(2);
    } finally {
      await client.dispose();
    }
  });
});
