/**
 * `totalCount` on connections: the number of nodes across all pages, under the page's filter and
 * the viewer's visibility, and no COUNT(*) sent when a query does not select it.
 */
import type { Database } from "@peykarband/infrastructure";
import { countStatements, testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { stepUpSession } from "./support/step-up.ts";
import { GraphQLTestClient } from "./support/graphql-client.ts";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const PASSWORD = "correct horse battery";

interface Page {
  readonly totalCount: number;
  readonly nodes: unknown[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`connections' totalCount on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    let client: GraphQLTestClient;
    let adminToken: string;
    let adminId: string;

    async function call<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
      const { body } = await client.post<T>(query, variables, { token });
      expect(body.errors).toBeUndefined();
      return body.data!;
    }

    async function signIn(email: string) {
      const data = await call<{ logIn: { session: { accessToken: string; user: { id: string } } } }>(
        "",
        `mutation ($input: LogInInput!) { logIn(input: $input) { session { accessToken user { id } } } }`,
        { input: { email, password: PASSWORD } },
      );
      return { token: data.logIn.session.accessToken, id: data.logIn.session.user.id };
    }

    async function customer() {
      const email = `c-${randomUUID()}@example.com`;
      await call(
        "",
        `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { user { id } } }`,
        {
          input: { email, password: PASSWORD },
        },
      );
      return signIn(email);
    }

    async function createKeys(token: string, n: number) {
      for (let i = 0; i < n; i++) {
        await call(
          token,
          `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
          {
            input: { name: `key ${i}`, scopes: ["BILLING_READ"] },
          },
        );
      }
    }

    async function credit(userId: string, n: number) {
      for (let i = 0; i < n; i++) {
        await call(
          adminToken,
          `mutation ($input: AdjustWalletInput!) { adjustWallet(input: $input) { userErrors { code } } }`,
          { input: { userId, amount: "1000", reason: "goodwill", idempotencyKey: randomUUID() } },
        );
      }
    }

    /** Walks every page two at a time: each page's totalCount, and the nodes of all of them. */
    async function walk(token: string, field: (after: string | null) => string, pick: (data: never) => Page) {
      const totals: number[] = [];
      let nodes = 0;
      let after: string | null = null;
      for (;;) {
        const page = pick((await call(token, `{ ${field(after)} }`)) as never);
        totals.push(page.totalCount);
        nodes += page.nodes.length;
        if (!page.pageInfo.hasNextPage) return { totals: [...new Set(totals)], nodes };
        after = page.pageInfo.endCursor;
      }
    }
    const selection = "{ totalCount nodes { id } pageInfo { hasNextPage endCursor } }";
    const afterArg = (after: string | null) => (after ? `, after: ${JSON.stringify(after)}` : "");

    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      client = new GraphQLTestClient(t.app.url);
      await createAdmin(t.config, { email: "root@example.com", password: PASSWORD }, database);
      const admin = await signIn("root@example.com");
      ({ token: adminToken, id: adminId } = admin);
      await stepUpSession(t.app.url, adminToken, PASSWORD);
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    it("counts a customer's own API keys and wallet entries across pages, and no one else's", async () => {
      const [sara, reza] = [await customer(), await customer()];
      await createKeys(sara.token, 5);
      await createKeys(reza.token, 1);
      await credit(sara.id, 3);
      const keys = (token: string) =>
        walk(
          token,
          (after) => `apiKeys(first: 2${afterArg(after)}) ${selection}`,
          (data: { apiKeys: Page }) => data.apiKeys,
        );
      expect(await keys(sara.token)).toEqual({ totals: [5], nodes: 5 });
      expect(await keys(reza.token)).toEqual({ totals: [1], nodes: 1 });
      const entries = (token: string) =>
        walk(
          token,
          (after) => `viewer { wallet { entries(first: 2${afterArg(after)}) ${selection} } }`,
          (data: { viewer: { wallet: { entries: Page } } }) => data.viewer.wallet.entries,
        );
      expect(await entries(sara.token)).toEqual({ totals: [3], nodes: 3 });
      expect(await entries(reza.token)).toEqual({ totals: [0], nodes: 0 });
    });

    it("counts under the filter: one user's audit events, someone else's payments for a customer", async () => {
      const sara = await customer();
      const events = (filter: string) =>
        walk(
          adminToken,
          (after) => `auditEvents(first: 2${filter}${afterArg(after)}) ${selection}`,
          (data: { auditEvents: Page }) => data.auditEvents,
        );
      const own = await events(`, subjectId: ${JSON.stringify(sara.id)}`);
      expect(own.nodes).toBeGreaterThan(0);
      expect(own.totals).toEqual([own.nodes]);
      const all = await events("");
      expect(all.totals).toEqual([all.nodes]);
      expect(all.nodes).toBeGreaterThan(own.nodes);
      const { payments } = await call<{ payments: Page }>(
        sara.token,
        `query ($userId: ID) { payments(first: 2, userId: $userId) ${selection} }`,
        { userId: adminId },
      );
      expect(payments).toMatchObject({ totalCount: 0, nodes: [] });
    });

    it("sends no COUNT(*) when totalCount is not selected, and one when it is", async () => {
      const sara = await customer();
      await createKeys(sara.token, 2);
      const statements = countStatements(database);
      await call(sara.token, `{ apiKeys(first: 10) { nodes { id } } }`);
      expect(statements.take().filter((s) => /count\(/i.test(s))).toEqual([]);
      await call(sara.token, `{ apiKeys(first: 10) { totalCount } }`);
      expect(statements.take().filter((s) => /count\(/i.test(s))).toHaveLength(1);
    });
  });
}
