import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLTestClient, wsOnce } from "../support/graphql-client.ts";
import {
  authenticationOnlyBetween,
  countRows,
  query,
  rowDelta,
  startAbuseApp,
  type AbuseApp,
} from "./abuse-app.ts";
import { assertClean, codeOf, send, sendGraphQL, userErrorCodes } from "./abuse-client.ts";
import { fromAddress, payloadOf, REFRESH_SESSION, register, VIEWER, type Account } from "./accounts-kit.ts";
import { decodeClaims, decodeHeader, randomKey, signToken } from "./forged-tokens.ts";
import { observe, printObservations } from "./observations.ts";

const LOG_OUT = `mutation { logOut(input: { everywhere: true }) { loggedOut } }`;

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`token abuse on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    const refusedBeforeUseCase = authenticationOnlyBetween(() => t);
    let victim: Account;
    let other: Account;
    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database, { env: { TRUST_PROXY: "1" } });
      victim = await register(t.app.url, "victim@example.com", { headers: fromAddress(1) });
      other = await register(t.app.url, "other@example.com", { headers: fromAddress(1) });
      await sendGraphQL(t.app.url, VIEWER, {}, { token: victim.accessToken });
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
      printObservations(`token abuse on ${target.name}`);
    });

    /** Every forgery of the victim's access token an attacker might try; built lazily, once the victim exists. */
    const forgeries: [string, () => string][] = [
      [
        "alg none, no signature",
        () => signToken({ alg: "none", typ: "JWT" }, decodeClaims(victim.accessToken), null),
      ],
      [
        "alg none keeping the kid, role raised to ADMIN",
        () =>
          signToken(
            { ...decodeHeader(victim.accessToken), alg: "none" },
            { ...decodeClaims(victim.accessToken), role: "ADMIN" },
            null,
          ),
      ],
      [
        "role raised to ADMIN, original signature kept",
        () => {
          const [header, , signature] = victim.accessToken.split(".");
          const claims = { ...decodeClaims(victim.accessToken), role: "ADMIN" };
          return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
        },
      ],
      [
        "signed with another key under the right kid",
        () => signToken(decodeHeader(victim.accessToken), decodeClaims(victim.accessToken), randomKey()),
      ],
      [
        "right key, unknown kid",
        () =>
          signToken(
            { ...decodeHeader(victim.accessToken), kid: "retired" },
            decodeClaims(victim.accessToken),
            t.config.secrets.jwtSigningKeys[0]!.secret,
          ),
      ],
      [
        "right key, HS512 instead of HS256",
        () =>
          signToken(
            { ...decodeHeader(victim.accessToken), alg: "HS512" },
            decodeClaims(victim.accessToken),
            t.config.secrets.jwtSigningKeys[0]!.secret,
          ),
      ],
      [
        "right key, expired half an hour ago",
        () => {
          const now = Math.floor(Date.now() / 1000);
          return rightKey({ ...decodeClaims(victim.accessToken), iat: now - 3600, exp: now - 1800 });
        },
      ],
      [
        "right key, issued in the future",
        () => {
          const now = Math.floor(Date.now() / 1000);
          return rightKey({ ...decodeClaims(victim.accessToken), iat: now + 600, exp: now + 1200 });
        },
      ],
      [
        "right key, another audience",
        () => rightKey({ ...decodeClaims(victim.accessToken), aud: "elsewhere:api" }),
      ],
      [
        "right key, another issuer",
        () => rightKey({ ...decodeClaims(victim.accessToken), iss: "elsewhere" }),
      ],
      [
        "right key, another user's session id",
        () => rightKey({ ...decodeClaims(victim.accessToken), sid: decodeClaims(other.accessToken)["sid"] }),
      ],
      ["right key, no subject", () => rightKey({ ...decodeClaims(victim.accessToken), sub: undefined })],
      [
        "right key, role that does not exist",
        () => rightKey({ ...decodeClaims(victim.accessToken), role: "ROOT" }),
      ],
      ["not a JWT at all", () => "not-a-token"],
      ["three empty parts", () => ".."],
      ["4 KB of base64", () => "A".repeat(4096)],
    ];
    const rightKey = (claims: Record<string, unknown>) =>
      signToken(decodeHeader(victim.accessToken), claims, t.config.secrets.jwtSigningKeys[0]!.secret);

    it.each(forgeries)("%s: 401 UNAUTHENTICATED, no use case run, nothing written", async (name, forge) => {
      const token = forge();
      const before = await countRows(database);
      for (const document of [VIEWER, LOG_OUT]) {
        refusedBeforeUseCase.start();
        const response = await sendGraphQL(t.app.url, document, {}, { token });
        observe(`JWT ${name} (${document === VIEWER ? "viewer" : "logOut"})`, response);
        assertClean(response);
        expect([response.status, codeOf(response)]).toEqual([401, "UNAUTHENTICATED"]);
        expect(response.json?.data ?? undefined).toBeUndefined();
        refusedBeforeUseCase.check();
      }
      const socket = new GraphQLTestClient(t.app.url).ws(token);
      try {
        await expect(wsOnce(socket, VIEWER)).rejects.toThrow();
      } finally {
        await socket.dispose();
      }
      expect(rowDelta(before, await countRows(database))).toEqual({});
    });

    it("still accepts the genuine token, so the refusals above are about the forgery", async () => {
      const response = await sendGraphQL(t.app.url, VIEWER, {}, { token: victim.accessToken });
      expect(response.json?.data).toEqual({ viewer: { id: victim.id } });
    });

    it.each([
      ["Basic credentials", "Basic dmljdGltOnBhc3N3b3Jk"],
      ["two bearer tokens", `Bearer a.b.c Bearer d.e.f`],
      ["a bearer token of 5,000 characters", `Bearer ${"A".repeat(5000)}`],
      ["a bearer token with a newline-like escape", "Bearer a.b.c%0d%0aX-Injected: 1"],
    ])("refuses an Authorization header with %s as 401", async (name, authorization) => {
      refusedBeforeUseCase.start();
      const response = await sendGraphQL(t.app.url, VIEWER, {}, { headers: { authorization } });
      observe(`Authorization: ${name}`, response);
      assertClean(response);
      expect([response.status, codeOf(response)]).toEqual([401, "UNAUTHENTICATED"]);
      refusedBeforeUseCase.check();
    });

    it("revokes the whole session when a rotated refresh token is replayed after the grace", async () => {
      const account = await register(t.app.url, "rotating@example.com", { headers: fromAddress(2) });
      const rotate = (refreshToken: string) =>
        sendGraphQL(t.app.url, REFRESH_SESSION, { input: { refreshToken } }, { headers: fromAddress(2) });

      let before = await countRows(database);
      const rotated = await rotate(account.refreshToken);
      observe("refresh: first use of the refresh token", rotated);
      const second = payloadOf(rotated, "refreshSession").session!;
      expect(rowDelta(before, await countRows(database))).toEqual({ refresh_tokens: 1, audit_events: 1 });

      // The replay comes after the grace in which a retry would get the same successor.
      await query(
        database,
        `update refresh_tokens set used_at = used_at - make_interval(secs => $2::int) where user_id = $1::uuid and used_at is not null`,
        [account.key, t.config.refreshGraceSeconds + 1],
      );
      before = await countRows(database);
      t.argon2.take();
      const replayed = await rotate(account.refreshToken);
      observe("refresh: replay after rotation", replayed, userErrorCodes(replayed, "refreshSession").join());
      assertClean(replayed);
      expect(userErrorCodes(replayed, "refreshSession")).toEqual(["INVALID_REFRESH_TOKEN"]);
      expect(payloadOf(replayed, "refreshSession").session).toBeNull();
      // Refresh tokens are random, looked up by their SHA-256: nothing here costs an argon2.
      expect(t.argon2.take()).toEqual([]);
      // Intended writes: the REFRESH_TOKEN_REUSED event, and the family marked revoked (an update).
      expect(rowDelta(before, await countRows(database))).toEqual({ audit_events: 1 });
      const families = await query<{ revoked: boolean }>(
        database,
        `select revoked_at is not null as revoked from session_families where user_id = $1::uuid`,
        [account.key],
      );
      expect(families).toEqual([{ revoked: true }]);
      const [reuse] = await query<{ count: number }>(
        database,
        `select count(*)::int as count from audit_events where action = 'REFRESH_TOKEN_REUSED' and subject_id = $1::uuid`,
        [account.key],
      );
      expect(Number(reuse?.count)).toBe(1);

      // The thief's (or the owner's) newest pair is dead too.
      const newest = await rotate(second.refreshToken);
      observe(
        "refresh: newest token after the replay",
        newest,
        userErrorCodes(newest, "refreshSession").join(),
      );
      expect(userErrorCodes(newest, "refreshSession")).toEqual(["INVALID_REFRESH_TOKEN"]);
      refusedBeforeUseCase.start();
      const access = await sendGraphQL(t.app.url, VIEWER, {}, { token: second.accessToken });
      observe("refresh: access token of the revoked session", access);
      expect([access.status, codeOf(access)]).toEqual([401, "UNAUTHENTICATED"]);
      refusedBeforeUseCase.check();
    });

    it("gives two concurrent refreshes with one token the same successor, and keeps the session", async () => {
      const account = await register(t.app.url, "two-tabs@example.com", { headers: fromAddress(3) });
      const rotate = (refreshToken: string) =>
        sendGraphQL(t.app.url, REFRESH_SESSION, { input: { refreshToken } }, { headers: fromAddress(3) });

      const before = await countRows(database);
      const [first, second] = await Promise.all([rotate(account.refreshToken), rotate(account.refreshToken)]);
      observe("refresh: two at once with one token", second, userErrorCodes(second, "refreshSession").join());
      expect(userErrorCodes(first, "refreshSession")).toEqual([]);
      expect(userErrorCodes(second, "refreshSession")).toEqual([]);
      const [a, b] = [
        payloadOf(first, "refreshSession").session!,
        payloadOf(second, "refreshSession").session!,
      ];
      expect(b.refreshToken).toBe(a.refreshToken);
      // One successor row, two SESSION_REFRESHED events, and no revocation.
      expect(rowDelta(before, await countRows(database))).toEqual({ refresh_tokens: 1, audit_events: 2 });
      for (const token of [a.accessToken, b.accessToken]) {
        const viewer = await sendGraphQL(t.app.url, VIEWER, {}, { token });
        expect(viewer.json?.data).toEqual({ viewer: { id: account.id } });
      }
      const next = await rotate(a.refreshToken);
      expect(userErrorCodes(next, "refreshSession")).toEqual([]);
    });

    it("refuses a made-up refresh token without writing anything", async () => {
      const before = await countRows(database);
      t.argon2.take();
      const made = await sendGraphQL(t.app.url, REFRESH_SESSION, { input: { refreshToken: "x".repeat(64) } });
      observe("refresh: made-up token", made, userErrorCodes(made, "refreshSession").join());
      expect(userErrorCodes(made, "refreshSession")).toEqual(["INVALID_REFRESH_TOKEN"]);
      expect(t.argon2.take()).toEqual([]);
      expect(rowDelta(before, await countRows(database))).toEqual({});
    });

    it("logged no unexpected error", async () => {
      await send(t.app.url, "{");
      expect(t.loggedErrors).toEqual([]);
    });
  });
}
