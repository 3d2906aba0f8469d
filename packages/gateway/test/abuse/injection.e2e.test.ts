import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../../src/cli/create-admin.command.ts";
import { stepUpSession } from "../support/step-up.ts";
import { COUNTED_TABLES, countRows, query, startAbuseApp, type AbuseApp } from "./abuse-app.ts";
import { assertClean, sendGraphQL, userErrorCodes } from "./abuse-client.ts";
import {
  CONFIRM_TWO_FACTOR_SETUP,
  LOG_IN,
  PASSWORD,
  payloadOf,
  register,
  START_TWO_FACTOR_SETUP,
} from "./accounts-kit.ts";
import { observe, printObservations } from "./observations.ts";
import type { Fixture } from "./injection.cases.ts";
import { PAYLOADS, CASES, outcomeOf } from "./injection.cases.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`SQL-ish and script-ish input on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    let fixture: Fixture;
    beforeAll(async () => {
      database = await target.open();
      // Limits far above the defaults, so every string reaches the use case instead of the throttle.
      t = await startAbuseApp(database, {
        accountPolicy: {
          maxAttemptsPerAccount: 1000,
          maxAttemptsPerIp: 10_000,
          accountGuardAfterAttempts: 10_000,
        },
      });
      const url = t.app.url;
      const customer = await register(url, "customer@example.com");
      const twoFactor = await register(url, "twofactor@example.com");
      const pending = await register(url, "pending@example.com");
      await sendGraphQL(
        url,
        START_TWO_FACTOR_SETUP,
        { input: { password: PASSWORD } },
        { token: pending.accessToken },
      );
      const started = await sendGraphQL(
        url,
        START_TWO_FACTOR_SETUP,
        { input: { password: PASSWORD } },
        { token: twoFactor.accessToken },
      );
      const secret = (started.json?.data?.["startTwoFactorSetup"] as { secret: string }).secret;
      await sendGraphQL(
        url,
        CONFIRM_TWO_FACTOR_SETUP,
        { input: { code: await generate({ secret }) } },
        { token: twoFactor.accessToken },
      );
      await createAdmin(t.config, { email: "root@example.com", password: PASSWORD }, database);
      const admin = await sendGraphQL(url, LOG_IN, {
        input: { email: "root@example.com", password: PASSWORD },
      });
      await stepUpSession(url, payloadOf(admin, "logIn").session!.accessToken, PASSWORD);
      fixture = {
        url,
        customer,
        pending,
        twoFactor: { ...twoFactor, email: "twofactor@example.com" },
        admin: payloadOf(admin, "logIn").session!.accessToken,
      };
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
      printObservations(`injection on ${target.name}`);
    });

    const matrix = CASES.flatMap((c) => PAYLOADS.map((payload, i) => ({ ...c, payload, n: i })));
    it.each(matrix)(
      "$name = $payload: $expected, never a 500",
      async ({ name, payload, n, send, field, expected, argon2 }) => {
        t.argon2.take();
        const response = await send(fixture, payload, n);
        observe(`${name} = ${payload}`, response, outcomeOf(response, field));
        assertClean(response);
        expect(outcomeOf(response, field)).toBe(expected);
        expect(response.status).toBe(200);
        // Nothing the client sent comes back as markup.
        expect(response.text).not.toContain("<script>");
        expect(t.argon2.take()).toEqual(argon2);
      },
    );

    it("stored the odd passwords as data: each signs in", async () => {
      for (const [n, password] of PAYLOADS.entries()) {
        const response = await sendGraphQL(t.app.url, LOG_IN, {
          input: { email: `pw-${n}@example.com`, password },
        });
        expect(userErrorCodes(response, "logIn")).toEqual([]);
      }
    });

    it("left every table in place, with only the intended accounts added", async () => {
      const counts = await countRows(database);
      for (const table of COUNTED_TABLES) expect(counts[table]).toBeGreaterThanOrEqual(0);
      // customer, twofactor, pending, root, and one per odd password.
      expect(counts.users).toBe(4 + PAYLOADS.length);
      const emails = await query<{ email: string }>(database, `select email from users order by email`);
      expect(emails.map((row) => row.email).some((email) => /script|drop|or 1=1/i.test(email))).toBe(false);
      expect(t.loggedErrors).toEqual([]);
    });
  });
}
