import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { stepUpSession } from "./support/step-up.ts";
import { buildGatewaySchema } from "../src/schema/build-gateway-schema.ts";
import { FIELD_CASES, type Victim } from "./support/authorization-cases.ts";
import { GraphQLTestClient } from "./support/graphql-client.ts";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const PASSWORD = "correct horse battery";
const SCOPES = [
  "SERVERS_READ",
  "SERVERS_WRITE",
  "BILLING_READ",
  "BILLING_WRITE",
  "CUSTOMERS_WRITE",
  "WEBHOOKS_WRITE",
];

interface Caller {
  readonly name: string;
  readonly token: string | null;
  readonly userId: string | null;
  readonly role: string | null;
}

/** The few payload fields the set-up reads, whichever mutation answered. */
interface Payload {
  readonly session: { accessToken: string };
  readonly user: { id: string };
  readonly customer: { id: string };
  readonly server: { id: string };
  readonly apiKey: { id: string };
  readonly webhookEndpoint: { id: string };
  readonly secret: string;
}

/** A victim, with the API key (scope webhooks:write) that reads its webhook endpoints at the end. */
type Tenant = Victim & { readonly resellerId: string | null; readonly hookReader: string };

describe("the authorization matrix", () => {
  it("has a case for every root Query and Mutation field", async () => {
    const schema = await buildGatewaySchema();
    const fields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.keys(type.getFields()).map((name) => `${type.name}.${name}`),
    );
    expect(fields.sort()).toEqual(Object.keys(FIELD_CASES).sort());
  });
});

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`no tenant sees or changes another's on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    let http: GraphQLTestClient;
    let admin: string;
    const callers: Caller[] = [{ name: "anonymous", token: null, userId: null, role: null }];
    const victims: Tenant[] = [];

    async function call(query: string, variables: Record<string, unknown>, token: string | null) {
      const response = await http.post(query, variables, token ? { token } : {});
      return response.body as { data?: Record<string, Payload>; errors?: unknown[] };
    }
    async function signIn(email: string): Promise<string> {
      const { data } = await call(
        `mutation($i: LogInInput!) { logIn(input: $i) { session { accessToken } } }`,
        { i: { email, password: PASSWORD } },
        null,
      );
      return data!["logIn"]!.session.accessToken;
    }
    async function account(role: string | null, resellerToken?: string): Promise<Caller & { email: string }> {
      const email = `m-${randomUUID()}@example.com`;
      let id: string;
      if (resellerToken) {
        const { data } = await call(
          `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { customer { id } } }`,
          { i: { email, password: PASSWORD } },
          resellerToken,
        );
        id = data!["createCustomer"]!.customer.id;
      } else {
        const { data } = await call(
          `mutation($i: RegisterUserInput!) { registerUser(input: $i) { user { id } } }`,
          { i: { email, password: PASSWORD } },
          null,
        );
        id = data!["registerUser"]!.user.id;
        if (role !== "CUSTOMER") {
          await call(
            `mutation($i: ChangeUserRoleInput!) { changeUserRole(input: $i) { user { id } } }`,
            {
              i: { userId: id, role },
            },
            admin,
          );
        }
        await call(
          `mutation($i: AdjustWalletInput!) { adjustWallet(input: $i) { userErrors { code } } }`,
          { i: { userId: id, amount: "500000000", reason: "matrix", idempotencyKey: randomUUID() } },
          admin,
        );
      }
      return {
        name: `${role ?? "CUSTOMER of a reseller"} ${email}`,
        token: await signIn(email),
        userId: id,
        role,
        email,
      };
    }
    async function keysOf(owner: Caller): Promise<{ callers: Caller[]; keyId: string; hookReader: string }> {
      const made = await Promise.all(
        SCOPES.map((scope) =>
          call(
            `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }`,
            { i: { name: scope, scopes: [scope] } },
            owner.token,
          ),
        ),
      );
      return {
        keyId: made[0]!.data!["createApiKey"]!.apiKey.id,
        hookReader: made[SCOPES.indexOf("WEBHOOKS_WRITE")]!.data!["createApiKey"]!.secret,
        callers: made.map((result, i) => ({
          ...owner,
          name: `${owner.name} key ${SCOPES[i]}`,
          token: result.data!["createApiKey"]!.secret,
        })),
      };
    }
    async function tenant(caller: Caller & { email: string }, order: { token: string; customerId?: string }) {
      const { data } = await call(
        `mutation($i: OrderServerInput!) { orderServer(input: $i) { server { id } userErrors { code } } }`,
        {
          i: {
            name: "matrix",
            planId: "hz-cx22",
            regionId: "hz-fsn1",
            imageId: "ubuntu-24.04",
            idempotencyKey: randomUUID(),
            ...(order.customerId ? { customerId: order.customerId } : {}),
          },
        },
        order.token,
      );
      const keys = await keysOf(caller);
      const hook = await call(
        `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { webhookEndpoint { id } } }`,
        { i: { url: "http://127.0.0.1:9/victim", events: ["SERVER_STATUS_CHANGED"] } },
        caller.token,
      );
      callers.push(caller, ...keys.callers);
      return {
        user: caller.userId!,
        server: data!["orderServer"]!.server.id,
        key: keys.keyId,
        hook: hook.data!["createWebhookEndpoint"]!.webhookEndpoint.id,
        hookReader: keys.hookReader,
        email: caller.email,
      };
    }
    const keepsItsEndpoint = async (victim: Tenant) =>
      JSON.stringify(
        await call(`query { webhookEndpoints(first: 50) { nodes { id } } }`, {}, victim.hookReader),
      ).includes(victim.hook);
    const state = (victim: Tenant) =>
      call(
        `query($u: ID!, $s: ID!) { u: node(id: $u) { ... on User { role wallet { balance } } } s: node(id: $s) { ... on Server { status pendingOperation } } }`,
        { u: victim.user, s: victim.server },
        admin,
      );

    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      http = new GraphQLTestClient(t.app.url);
      await createAdmin(t.config, { email: "root@example.com", password: PASSWORD }, database);
      admin = await signIn("root@example.com");
      await stepUpSession(t.app.url, admin, PASSWORD);
      callers.push({ name: "ADMIN", token: admin, userId: null, role: "ADMIN" });
      callers.push(await account("SUPPORT"));
      const plain = await account("CUSTOMER");
      victims.push({ ...(await tenant(plain, { token: plain.token! })), resellerId: null });
      for (const _ of [1, 2]) {
        const reseller = await account("RESELLER");
        const customer = await account(null, reseller.token!);
        await call(
          `mutation($i: TransferToCustomerInput!) { transferToCustomer(input: $i) { userErrors { code } } }`,
          { i: { customerId: customer.userId, amount: "100000000", idempotencyKey: randomUUID() } },
          reseller.token,
        );
        victims.push({
          ...(await tenant(customer, { token: reseller.token!, customerId: customer.userId! })),
          resellerId: reseller.userId,
        });
        callers.push(reseller, ...(await keysOf(reseller)).callers);
      }
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    const mayRead = (caller: Caller, victim: Tenant) =>
      caller.role === "ADMIN" ||
      caller.role === "SUPPORT" ||
      caller.userId === victim.user ||
      caller.userId === victim.resellerId;
    const mayWrite = (caller: Caller, victim: Tenant) =>
      caller.role === "ADMIN" || caller.userId === victim.user || caller.userId === victim.resellerId;

    // logOut ends the caller's session: it runs last, so every other field meets a live one.
    const fields = Object.keys(FIELD_CASES).sort(
      (a, b) => Number(a === "Mutation.logOut") - Number(b === "Mutation.logOut"),
    );

    let before: unknown;
    it("reads the victims' state before the matrix runs", async () => {
      before = await Promise.all(victims.map(state));
      expect(await Promise.all(victims.map(keepsItsEndpoint))).toEqual(victims.map(() => true));
    });

    for (const field of fields) {
      it(`${field} returns no other tenant's object, as any role or API key scope`, async () => {
        const fieldCase = FIELD_CASES[field]!;
        const runs = victims.flatMap((victim) =>
          callers
            .filter((caller) => !(fieldCase.writes ? mayWrite : mayRead)(caller, victim))
            .map(async (caller) => {
              const answer = JSON.stringify(
                await call(fieldCase.document, { ...victim, ik: randomUUID() }, caller.token),
              );
              const marks = [victim.user, victim.server, victim.key, victim.hook, victim.email].filter(
                (mark) => answer.includes(mark),
              );
              return marks.length > 0 ? [`as ${caller.name}: ${answer}`] : [];
            }),
        );
        expect((await Promise.all(runs)).flat()).toEqual([]);
      });
    }

    it("changed none of the victims' wallets, roles, servers or webhook endpoints", async () => {
      expect(await Promise.all(victims.map(state))).toEqual(before);
      expect(await Promise.all(victims.map(keepsItsEndpoint))).toEqual(victims.map(() => true));
    });
  });
}
