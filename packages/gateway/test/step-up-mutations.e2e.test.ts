/** adjustWallet, changeUserRole and waiveUsage need a fresh second factor (docs/api.md, Step-up). */
import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { toGlobalId } from "../src/schema/node/global-id.ts";
import { GraphQLTestClient } from "./support/graphql-client.ts";
import { stepUpSession } from "./support/step-up.ts";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const PASSWORD = "correct horse battery";
type Payload = { userErrors: { code: string }[] };

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`step-up mutations on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    let client: GraphQLTestClient;
    let customerId: string;

    async function call<T>(token: string, query: string, input: Record<string, unknown>): Promise<T> {
      const { body } = await client.post<Record<string, T>>(query, { input }, { token });
      expect(body.errors).toBeUndefined();
      return Object.values(body.data!)[0]!;
    }
    async function adminToken(email: string): Promise<string> {
      await createAdmin(t.config, { email, password: PASSWORD }, database);
      const logIn = await call<{ session: { accessToken: string } }>(
        "",
        `mutation ($input: LogInInput!) { logIn(input: $input) { session { accessToken } } }`,
        { email, password: PASSWORD },
      );
      return logIn.session.accessToken;
    }
    /** The three mutations' error codes, each with `totpCode` when given. */
    async function codesOf(token: string, totpCode?: string): Promise<string[][]> {
      const code = totpCode ? { totpCode } : {};
      const adjusted = await call<Payload>(
        token,
        `mutation ($input: AdjustWalletInput!) { adjustWallet(input: $input) { userErrors { code } } }`,
        { userId: customerId, amount: "1000", reason: "goodwill", idempotencyKey: randomUUID(), ...code },
      );
      const changed = await call<Payload>(
        token,
        `mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { userErrors { code } } }`,
        { userId: customerId, role: "CUSTOMER" },
      );
      const waived = await call<Payload>(
        token,
        `mutation ($input: WaiveUsageInput!) { waiveUsage(input: $input) { userErrors { code } } }`,
        {
          serverId: toGlobalId("Server", randomUUID()),
          amount: "1",
          reason: "outage",
          idempotencyKey: randomUUID(),
        },
      );
      return [adjusted, changed, waived].map((p) => p.userErrors.map((e) => e.code));
    }

    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      client = new GraphQLTestClient(t.app.url);
      const registered = await call<{ user: { id: string } }>(
        "",
        `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { user { id } } }`,
        { email: `c-${randomUUID()}@example.com`, password: PASSWORD },
      );
      customerId = registered.user.id;
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    it("refuses an admin without 2FA, then a stale session, and accepts a code with the call", async () => {
      const token = await adminToken("root@example.com");
      const required = ["SECOND_FACTOR_REQUIRED"];
      expect(await codesOf(token)).toEqual([required, required, required]);

      const { secret } = await call<{ secret: string }>(
        token,
        `mutation ($input: StartTwoFactorSetupInput!) { startTwoFactorSetup(input: $input) { secret } }`,
        { password: PASSWORD },
      );
      await call(
        token,
        `mutation ($input: ConfirmTwoFactorSetupInput!) { confirmTwoFactorSetup(input: $input) { userErrors { code } } }`,
        { code: await generate({ secret }) },
      );
      const stale = ["SECOND_FACTOR_STALE"];
      expect(await codesOf(token)).toEqual([stale, stale, stale]);

      // The code that turned 2FA on is spent; the next step's proves the second factor with the call,
      // and the session stays fresh for the two after it (the server id is unknown: stepped up, then refused).
      const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      expect(await codesOf(token, next)).toEqual([[], [], ["SERVER_NOT_FOUND"]]);
    });

    it("accepts all three after confirmSecondFactor", async () => {
      const token = await adminToken("ops@example.com");
      await stepUpSession(t.app.url, token, PASSWORD);
      expect(await codesOf(token)).toEqual([[], [], ["SERVER_NOT_FOUND"]]);
    });
  });
}
