/** `confirmSecondFactor`: steps a session up with a TOTP code, once per code, and never without 2FA. */
import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLTestClient } from "./support/graphql-client.ts";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const password = "correct horse battery";
const CONFIRM = `mutation ($input: ConfirmSecondFactorInput!) {
  confirmSecondFactor(input: $input) { freshUntil userErrors { code } }
}`;

interface Confirmed {
  confirmSecondFactor: { freshUntil: string | null; userErrors: { code: string }[] };
}

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`confirmSecondFactor on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    let client: GraphQLTestClient;

    async function call<T>(token: string, query: string, variables: Record<string, unknown>) {
      const { body } = await client.post<T>(query, variables, { token });
      expect(body.errors).toBeUndefined();
      return body.data!;
    }

    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      client = new GraphQLTestClient(t.app.url);
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    it("refuses an account without 2FA, then steps up once per code after 2FA is on", async () => {
      const { registerUser } = await call<{ registerUser: { session: { accessToken: string } } }>(
        "",
        `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { session { accessToken } } }`,
        { input: { email: `s-${randomUUID()}@example.com`, password } },
      );
      const token = registerUser.session.accessToken;
      const refused = await call<Confirmed>(token, CONFIRM, { input: { code: "123456" } });
      expect(refused.confirmSecondFactor).toEqual({
        freshUntil: null,
        userErrors: [{ code: "SECOND_FACTOR_REQUIRED" }],
      });

      const { startTwoFactorSetup } = await call<{ startTwoFactorSetup: { secret: string } }>(
        token,
        `mutation ($input: StartTwoFactorSetupInput!) { startTwoFactorSetup(input: $input) { secret } }`,
        { input: { password } },
      );
      const { secret } = startTwoFactorSetup;
      await call(
        token,
        `mutation ($input: ConfirmTwoFactorSetupInput!) { confirmTwoFactorSetup(input: $input) { userErrors { code } } }`,
        { input: { code: await generate({ secret }) } },
      );
      // The code that turned 2FA on is spent; the next time step's is accepted.
      const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const before = Date.now();
      const { confirmSecondFactor } = await call<Confirmed>(token, CONFIRM, { input: { code: next } });
      expect(confirmSecondFactor.userErrors).toEqual([]);
      const freshFor = new Date(confirmSecondFactor.freshUntil!).getTime() - before;
      expect(freshFor).toBeGreaterThanOrEqual(300_000);
      expect(freshFor).toBeLessThan(300_000 + (Date.now() - before) + 1);
      const replayed = await call<Confirmed>(token, CONFIRM, { input: { code: next } });
      expect(replayed.confirmSecondFactor.userErrors).toEqual([{ code: "INVALID_TWO_FACTOR_CODE" }]);
    });
  });
}
