/** `users(filter, first, after)`: staff find accounts by the start of their email and by role. */
import type { Role } from "@peykarband/domain";
import { DrizzleUserRepository, type Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { GraphQLTestClient } from "./support/graphql-client.ts";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const PASSWORD = "correct horse battery";

interface UserPage {
  readonly totalCount: number;
  readonly nodes: { email: string; role: Role }[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const USERS = `query ($filter: UserFilter, $first: Int!, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount nodes { email role } pageInfo { hasNextPage endCursor }
  }
}`;

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`users(filter) on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    let client: GraphQLTestClient;
    let adminToken: string;
    let supportToken: string;
    let customerToken: string;
    // A prefix no other test's accounts share, with a character LIKE would read as a wildcard.
    const run = `u${randomUUID().slice(0, 8)}_`;

    async function register(email: string, role?: Role): Promise<string> {
      const { body } = await client.post<{ registerUser: { user: { id: string } } }>(
        `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { user { id } } }`,
        { input: { email, password: PASSWORD } },
      );
      const globalId = body.data!.registerUser.user.id;
      const key = Buffer.from(globalId, "base64url").toString().split(":")[1]!;
      if (role) await new DrizzleUserRepository(database.db).updateRole(key, role);
      return signIn(email);
    }

    async function signIn(email: string): Promise<string> {
      const { body } = await client.post<{ logIn: { session: { accessToken: string } } }>(
        `mutation ($input: LogInInput!) { logIn(input: $input) { session { accessToken } } }`,
        { input: { email, password: PASSWORD } },
      );
      return body.data!.logIn.session.accessToken;
    }

    /** Every page, two accounts at a time: the emails in order and each page's totalCount. */
    async function allPages(token: string, filter: Record<string, unknown>) {
      const emails: string[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      for (;;) {
        const { body } = await client.post<{ users: UserPage }>(
          USERS,
          { filter, first: 2, after },
          { token },
        );
        expect(body.errors).toBeUndefined();
        const page: UserPage = body.data!.users;
        emails.push(...page.nodes.map((node) => node.email));
        totals.add(page.totalCount);
        if (!page.pageInfo.hasNextPage) return { emails, totals: [...totals] };
        after = page.pageInfo.endCursor;
      }
    }

    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      client = new GraphQLTestClient(t.app.url);
      await createAdmin(t.config, { email: `${run}admin@example.com`, password: PASSWORD }, database);
      adminToken = await signIn(`${run}admin@example.com`);
      supportToken = await register(`${run}support@example.com`, "SUPPORT");
      customerToken = await register(`${run}ana@example.com`);
      await register(`${run}ana.b@example.com`, "RESELLER");
      await register(`${run}bob@example.com`);
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    it("finds by the start of the email in any case, newest first, counted across pages", async () => {
      const found = await allPages(adminToken, { email: ` ${run.toUpperCase()}ANA` });
      expect(found).toEqual({ emails: [`${run}ana.b@example.com`, `${run}ana@example.com`], totals: [2] });
      const everyone = await allPages(supportToken, { email: run });
      expect(everyone.emails).toEqual(
        ["bob", "ana.b", "ana", "support", "admin"].map((name) => `${run}${name}@example.com`),
      );
      expect(everyone.totals).toEqual([5]);
    });

    it("finds a whole address exactly, filters by role, and takes % and _ literally", async () => {
      expect(await allPages(adminToken, { email: `${run}ANA@example.com` })).toEqual({
        emails: [`${run}ana@example.com`],
        totals: [1],
      });
      expect(await allPages(adminToken, { email: run, role: "RESELLER" })).toEqual({
        emails: [`${run}ana.b@example.com`],
        totals: [1],
      });
      expect((await allPages(adminToken, { role: "SUPPORT" })).emails).toContain(`${run}support@example.com`);
      expect(await allPages(adminToken, { email: `${run.slice(0, -1)}%` })).toEqual({
        emails: [],
        totals: [0],
      });
      expect(await allPages(adminToken, { email: `${run}an_` })).toEqual({ emails: [], totals: [0] });
    });

    it("refuses customers with FORBIDDEN and anonymous callers with UNAUTHENTICATED", async () => {
      const asCustomer = await client.post(USERS, { first: 10 }, { token: customerToken });
      expect(asCustomer.body.data).toBeNull();
      expect(asCustomer.body.errors?.map((e) => e.extensions?.["code"])).toEqual(["FORBIDDEN"]);
      const anonymous = await client.post(USERS, { first: 10 });
      expect(anonymous.body.errors?.map((e) => e.extensions?.["code"])).toEqual(["UNAUTHENTICATED"]);
    });
  });
}
