import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "../../src/limits/query-limits.ts";
import { auditTally, countRows, noWorkBetween, rowDelta, startAbuseApp, type AbuseApp } from "./abuse-app.ts";
import { assertClean, codeOf, sendGraphQL, userErrorCodes, type RawResponse } from "./abuse-client.ts";
import {
  CONFIRM_TWO_FACTOR_SETUP,
  DISABLE_TWO_FACTOR,
  fromAddress,
  LOG_IN,
  PASSWORD,
  payloadOf,
  REGISTER_USER,
  register,
  START_TWO_FACTOR_SETUP,
} from "./accounts-kit.ts";
import { observe, printObservations } from "./observations.ts";

const ATTEMPTS_PER_ACCOUNT = 5;

/** `count` sign-in attempts as aliases of one mutation, numbered from `from`. */
const aliasedLogIns = (
  email: string,
  from: number,
  count: number,
  password = (i: number) => `wrong guess ${i}`,
) =>
  `mutation { ${Array.from(
    { length: count },
    (_, i) =>
      `a${from + i}: logIn(input: { email: ${JSON.stringify(email)}, password: ${JSON.stringify(password(from + i))} }) { session { accessToken } userErrors { code } }`,
  ).join(" ")} }`;

const aliasCodes = (data: Record<string, unknown> | null | undefined): string[] =>
  Object.values(data ?? {}).map(
    (payload) => (payload as { userErrors: { code: string }[] }).userErrors[0]?.code ?? "OK",
  );

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`sign-in abuse on ${target.name}`, () => {
    // The embedded database belongs to one process, which keeps attempt counters in memory.
    const throttleRows = (count: number) => (target.name === "pglite" ? {} : { attempt_throttle: count });
    let database: Database;
    let t: AbuseApp;
    const refusedBeforeWork = noWorkBetween(() => t);
    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database, { env: { TRUST_PROXY: "1" } });
      await sendGraphQL(t.app.url, `{ health { sandbox } }`);
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
      printObservations(`sign-in abuse on ${target.name}`);
    });

    it("evaluates only 5 of 100 wrong passwords per account from one address, whose right one is refused too, while the owner signs in elsewhere", async () => {
      const email = "sprayed@example.com";
      const victim = await register(t.app.url, email, { headers: fromAddress(10) });
      const attacker = fromAddress(11);

      let before = await countRows(database);
      refusedBeforeWork.start();
      const inline = await sendGraphQL(t.app.url, aliasedLogIns(email, 1, 100), {}, { headers: attacker });
      observe("100 wrong passwords as aliases of one request", inline);
      assertClean(inline);
      expect([inline.status, codeOf(inline)]).toEqual([400, "TOO_MANY_TOKENS"]);
      // With one variable the document is short enough to pass the token limit and meet the alias limit.
      const viaVariable = await sendGraphQL(
        t.app.url,
        `mutation($input: LogInInput!) { ${Array.from({ length: 100 }, (_, i) => `a${i}: logIn(input: $input) { userErrors { code } }`).join(" ")} }`,
        { input: { email, password: "wrong guess" } },
        { headers: attacker },
      );
      observe("100 aliases of logIn sharing one variable", viaVariable);
      assertClean(viaVariable);
      expect([viaVariable.status, codeOf(viaVariable)]).toEqual([400, "TOO_MANY_ALIASES"]);
      // Refused while the document is validated: no use case ran, so no argon2 and no SQL at all.
      refusedBeforeWork.check();
      expect(rowDelta(before, await countRows(database))).toEqual({});

      before = await countRows(database);
      t.argon2.take();
      const codes: string[] = [];
      for (let from = 1; from <= 100; from += QUERY_LIMITS.maxAliases) {
        const count = Math.min(QUERY_LIMITS.maxAliases, 101 - from);
        const response = await sendGraphQL(
          t.app.url,
          aliasedLogIns(email, from, count),
          {},
          { headers: attacker },
        );
        const evaluated = Math.max(0, Math.min(count, ATTEMPTS_PER_ACCOUNT - codes.length));
        observe(
          `${count} wrong passwords as aliases (attempts ${from}-${from + count - 1})`,
          response,
          `${evaluated} argon2`,
        );
        assertClean(response);
        expect(response.status).toBe(200);
        // One argon2 verify per attempt the throttle lets through, none for those it refuses.
        expect(t.argon2.take()).toEqual(Array<string>(evaluated).fill("verify"));
        codes.push(...aliasCodes(response.json?.data));
      }
      expect(codes).toEqual([
        ...Array<string>(ATTEMPTS_PER_ACCOUNT).fill("INVALID_CREDENTIALS"),
        ...Array<string>(100 - ATTEMPTS_PER_ACCOUNT).fill("TOO_MANY_ATTEMPTS"),
      ]);

      // The attacker stays capped: from its address even the right password is refused.
      const capped = await sendGraphQL(
        t.app.url,
        aliasedLogIns(email, 0, 1, () => PASSWORD),
        {},
        { headers: attacker },
      );
      observe("the right password from the spraying address", capped, aliasCodes(capped.json?.data).join());
      expect(aliasCodes(capped.json?.data)).toEqual(["TOO_MANY_ATTEMPTS"]);
      expect(t.argon2.take()).toEqual([]);

      // The owner, from another address, is not kept out by the spray.
      const owner = await sendGraphQL(
        t.app.url,
        aliasedLogIns(email, 0, 1, () => PASSWORD),
        {},
        { headers: fromAddress(12) },
      );
      observe("the right password from another address", owner, aliasCodes(owner.json?.data).join());
      expect(aliasCodes(owner.json?.data)).toEqual(["OK"]);

      // Intended writes: one audit event per evaluated attempt, and one per counter that starts
      // refusing (this address on the account at attempt 6, the account's guard at 21, the address
      // at 51), not one per refusal, so hammering cannot grow the log; the owner's sign-in and its
      // session; the counters of the account, of the account from the attacker's address, and of
      // both addresses (the owner's address's counter on the account is cleared by its success).
      expect(rowDelta(before, await countRows(database))).toEqual({
        audit_events: ATTEMPTS_PER_ACCOUNT + 3 + 1,
        session_families: 1,
        refresh_tokens: 1,
        ...throttleRows(4),
      });
      expect(await auditTally(database, victim.key)).toMatchObject({
        LOGIN_FAILED: ATTEMPTS_PER_ACCOUNT,
        LOGIN_SUCCEEDED: 1,
      });
      const all = await auditTally(database);
      expect(all["LOGIN_THROTTLED"]).toBe(3);
    });

    it("lets the owner in while many addresses guess: each address is capped, and one attempt each once the account is guarded", async () => {
      const email = "distributed@example.com";
      await register(t.app.url, email, { headers: fromAddress(40) });
      const codes: string[][] = [];
      let last = null as RawResponse | null;
      // Ten addresses, five guesses each, one after another: the account-wide count reaches 20
      // after the fourth, and from then on each new address is evaluated once.
      for (let address = 41; address <= 50; address++) {
        const response = await sendGraphQL(
          t.app.url,
          aliasedLogIns(email, address * 10, ATTEMPTS_PER_ACCOUNT),
          {},
          { headers: fromAddress(address) },
        );
        assertClean(response);
        codes.push(aliasCodes(response.json?.data));
        last = response;
      }
      const evaluated = codes.map((batch) => batch.filter((code) => code === "INVALID_CREDENTIALS").length);
      observe("five wrong passwords from each of ten addresses", last!, evaluated.join());
      expect(evaluated).toEqual([5, 5, 5, 5, 1, 1, 1, 1, 1, 1]);
      expect(codes.flat().filter((code) => code !== "INVALID_CREDENTIALS")).toEqual(
        Array<string>(24).fill("TOO_MANY_ATTEMPTS"),
      );

      const owner = await sendGraphQL(
        t.app.url,
        LOG_IN,
        { input: { email, password: PASSWORD } },
        { headers: fromAddress(51) },
      );
      observe("the owner during a distributed attack", owner, userErrorCodes(owner, "logIn").join());
      expect(userErrorCodes(owner, "logIn")).toEqual([]);
      expect(payloadOf(owner, "logIn").session?.accessToken).toBeTruthy();
    });

    it("counts only failures against an address: 60 right sign-ins from one address all succeed", async () => {
      const email = "carrier-nat@example.com";
      const shared = fromAddress(60);
      await register(t.app.url, email, { headers: shared });
      const codes: string[] = [];
      for (let from = 0; from < 60; from += QUERY_LIMITS.maxAliases) {
        const response = await sendGraphQL(
          t.app.url,
          aliasedLogIns(email, from, Math.min(QUERY_LIMITS.maxAliases, 60 - from), () => PASSWORD),
          {},
          { headers: shared },
        );
        assertClean(response);
        codes.push(...aliasCodes(response.json?.data));
      }
      expect(codes).toEqual(Array<string>(60).fill("OK"));
      // The address still has its whole allowance of failures: a wrong password is evaluated.
      const wrong = await sendGraphQL(
        t.app.url,
        LOG_IN,
        { input: { email, password: "wrong password!" } },
        { headers: shared },
      );
      expect(userErrorCodes(wrong, "logIn")).toEqual(["INVALID_CREDENTIALS"]);
    });

    it("accepts a TOTP code once: a replay is refused, in sign-in and in disableTwoFactor", async () => {
      const email = "totp@example.com";
      const headers = fromAddress(20);
      const account = await register(t.app.url, email, { headers });
      const started = await sendGraphQL(
        t.app.url,
        START_TWO_FACTOR_SETUP,
        { input: { password: PASSWORD } },
        {
          token: account.accessToken,
          headers,
        },
      );
      const secret = (started.json?.data?.["startTwoFactorSetup"] as { secret: string } | undefined)?.secret;
      if (!secret) throw new Error(`startTwoFactorSetup: ${started.text}`);
      const confirmed = await sendGraphQL(
        t.app.url,
        CONFIRM_TWO_FACTOR_SETUP,
        { input: { code: await generate({ secret }) } },
        { token: account.accessToken, headers },
      );
      const recoveryCodes = (confirmed.json?.data?.["confirmTwoFactorSetup"] as { recoveryCodes: string[] })
        .recoveryCodes;
      expect(recoveryCodes.length).toBeGreaterThan(0);

      // The confirming step is spent; the next one (within the allowed drift) signs in once.
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const first = await sendGraphQL(
        t.app.url,
        LOG_IN,
        { input: { email, password: PASSWORD, totpCode: code } },
        { headers },
      );
      expect(userErrorCodes(first, "logIn")).toEqual([]);

      let before = await countRows(database);
      t.argon2.take();
      const replay = await sendGraphQL(
        t.app.url,
        LOG_IN,
        { input: { email, password: PASSWORD, totpCode: code } },
        { headers },
      );
      observe("TOTP code replayed in logIn", replay, userErrorCodes(replay, "logIn").join());
      assertClean(replay);
      expect(userErrorCodes(replay, "logIn")).toEqual(["INVALID_TWO_FACTOR_CODE"]);
      expect(payloadOf(replay, "logIn").session).toBeNull();
      // Sign-in verifies the password with argon2 before it looks at the code, once.
      expect(t.argon2.take()).toEqual(["verify"]);
      // Intended: a TWO_FACTOR_FAILED event and the second-factor counter; no session.
      expect(rowDelta(before, await countRows(database))).toEqual({ audit_events: 1, ...throttleRows(1) });

      const token = payloadOf(first, "logIn").session!.accessToken;
      before = await countRows(database);
      const disable = await sendGraphQL(
        t.app.url,
        DISABLE_TWO_FACTOR,
        { input: { password: PASSWORD, code } },
        { token, headers },
      );
      observe(
        "TOTP code replayed in disableTwoFactor",
        disable,
        userErrorCodes(disable, "disableTwoFactor").join(),
      );
      assertClean(disable);
      expect(userErrorCodes(disable, "disableTwoFactor")).toEqual(["INVALID_TWO_FACTOR_CODE"]);
      expect(t.argon2.take()).toEqual(["verify"]);
      expect(rowDelta(before, await countRows(database))).toEqual({ audit_events: 1 });

      const withRecovery = { email, password: PASSWORD, recoveryCode: recoveryCodes[0] };
      const used = await sendGraphQL(t.app.url, LOG_IN, { input: withRecovery }, { headers });
      expect(userErrorCodes(used, "logIn")).toEqual([]);
      t.argon2.take();
      const reused = await sendGraphQL(t.app.url, LOG_IN, { input: withRecovery }, { headers });
      observe("recovery code replayed in logIn", reused, userErrorCodes(reused, "logIn").join());
      expect(userErrorCodes(reused, "logIn")).toEqual(["INVALID_TWO_FACTOR_CODE"]);
      expect(t.argon2.take()).toEqual(["verify"]);
    });

    it.each([
      ["only in case", "sara@example.com", "SARA@Example.COM"],
      ["by surrounding spaces", "sara@example.com", "  sara@example.com "],
      ["in full-width letters (NFKC)", "sara@example.com", "ｓａｒａ@ｅｘａｍｐｌｅ.ｃｏｍ"],
      ["as NFD instead of NFC", "jos\u00e9@example.com", "jose\u0301@example.com"],
      ["by the Kelvin sign for K", "kian@example.com", "\u212Aian@example.com"],
    ])("refuses an email differing %s as EMAIL_TAKEN, writing nothing", async (name, original, variant) => {
      const headers = fromAddress(30);
      const first = await sendGraphQL(
        t.app.url,
        REGISTER_USER,
        { input: { email: original, password: PASSWORD } },
        { headers },
      );
      expect(["OK", "EMAIL_TAKEN"]).toContain(userErrorCodes(first, "registerUser")[0] ?? "OK");

      const before = await countRows(database);
      t.argon2.take();
      const response = await sendGraphQL(
        t.app.url,
        REGISTER_USER,
        { input: { email: variant, password: PASSWORD } },
        { headers },
      );
      observe(`email differing ${name}`, response, userErrorCodes(response, "registerUser").join());
      assertClean(response);
      expect(payloadOf(response, "registerUser").userErrors).toEqual([
        { field: ["input", "email"], code: "EMAIL_TAKEN" },
      ]);
      expect(payloadOf(response, "registerUser").session).toBeNull();
      // Sign-up hashes the password before it looks at the email, so a taken address is not faster.
      expect(t.argon2.take()).toEqual(["hash"]);
      expect(rowDelta(before, await countRows(database))).toEqual({});
    });

    it("logged no unexpected error", () => {
      expect(t.loggedErrors).toEqual([]);
    });
  });
}
