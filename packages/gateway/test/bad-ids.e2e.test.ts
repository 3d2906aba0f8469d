import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { stepUpSession } from "./support/step-up.ts";
import { buildGatewaySchema } from "../src/schema/build-gateway-schema.ts";
import { fieldsTakingGlobalIds } from "../src/schema/node/decode-global-ids.ts";
import { toGlobalId } from "../src/schema/node/global-id.ts";
import { startAbuseApp, type AbuseApp } from "./abuse/abuse-app.ts";
import { sendGraphQL } from "./abuse/abuse-client.ts";
import { CHANGE_USER_ROLE, LOG_IN, PASSWORD, payloadOf, register } from "./abuse/accounts-kit.ts";
import { GraphQLTestClient, wsOnce } from "./support/graphql-client.ts";

/** How an operation answers a bad id (docs/api.md, "Ids"). */
type Answer = { readonly userError: string } | { readonly data: unknown } | { readonly error: string };

interface IdOperation {
  /** The schema field that takes the id, "Type.field". */
  readonly field: string;
  readonly document: string;
  readonly variables: (id: string) => Record<string, unknown>;
  /** Where the answer sits in `data`, for mutations and reads. */
  readonly path?: string;
  readonly answer: Answer;
  /** Who calls it: the admin, or a reseller for the reseller-only fields. */
  readonly as?: "RESELLER";
}

const key = () => randomUUID();
const serverMutation = (name: string, input = "serverId: $id") => ({
  field: `Mutation.${name}`,
  document: `mutation($id: ID!) { ${name}(input: { ${input} }) { userErrors { code } } }`,
  variables: (id: string) => ({ id }),
  path: name,
  answer: { userError: "SERVER_NOT_FOUND" },
});

const OPERATIONS: readonly IdOperation[] = [
  {
    field: "Query.node",
    document: `query($id: ID!) { node(id: $id) { id } }`,
    variables: (id) => ({ id }),
    answer: { data: { node: null } },
  },
  {
    field: "Query.server",
    document: `query($id: ID!) { server(id: $id) { id } }`,
    variables: (id) => ({ id }),
    answer: { data: { server: null } },
  },
  {
    field: "Query.servers",
    document: `query($id: ID!) { servers(first: 5, customerId: $id) { nodes { id } } }`,
    variables: (id) => ({ id }),
    answer: { data: { servers: { nodes: [] } } },
  },
  {
    field: "Mutation.transferToCustomer",
    document: `mutation($id: ID!, $key: String!) {
      transferToCustomer(input: { customerId: $id, amount: "1000", idempotencyKey: $key }) { userErrors { code } }
    }`,
    variables: (id) => ({ id, key: key() }),
    path: "transferToCustomer",
    answer: { userError: "CUSTOMER_NOT_FOUND" },
    as: "RESELLER",
  },
  {
    field: "Query.invoice",
    document: `query($id: ID!) { invoice(id: $id) { id } }`,
    variables: (id) => ({ id }),
    answer: { data: { invoice: null } },
  },
  {
    field: "Query.invoices",
    document: `query($id: ID!) {
      invoices(first: 5, userId: $id) { nodes { id } } ofCustomer: invoices(first: 5, customerId: $id) { nodes { id } }
    }`,
    variables: (id) => ({ id }),
    answer: { data: { invoices: { nodes: [] }, ofCustomer: { nodes: [] } } },
  },
  {
    field: "Query.payments",
    document: `query($id: ID!) {
      payments(first: 5, userId: $id) { nodes { id } } ofCustomer: payments(first: 5, customerId: $id) { nodes { id } }
    }`,
    variables: (id) => ({ id }),
    answer: { data: { payments: { nodes: [] }, ofCustomer: { nodes: [] } } },
  },
  {
    field: "Query.auditEvents",
    document: `query($id: ID!) { auditEvents(first: 5, actorId: $id, subjectId: $id) { nodes { id } } }`,
    variables: (id) => ({ id }),
    answer: { data: { auditEvents: { nodes: [] } } },
  },
  {
    field: "Mutation.changeUserRole",
    document: `mutation($id: ID!) { changeUserRole(input: { userId: $id, role: SUPPORT }) { userErrors { code } } }`,
    variables: (id) => ({ id }),
    path: "changeUserRole",
    answer: { userError: "USER_NOT_FOUND" },
  },
  {
    field: "Mutation.adjustWallet",
    document: `mutation($id: ID!, $key: String!) {
      adjustWallet(input: { userId: $id, amount: "1000", reason: "goodwill", idempotencyKey: $key }) { userErrors { code } }
    }`,
    variables: (id) => ({ id, key: key() }),
    path: "adjustWallet",
    answer: { userError: "USER_NOT_FOUND" },
  },
  {
    field: "Mutation.setServerQuota",
    document: `mutation($id: ID!) { setServerQuota(input: { userId: $id, limit: 3 }) { userErrors { code } } }`,
    variables: (id) => ({ id }),
    path: "setServerQuota",
    answer: { userError: "USER_NOT_FOUND" },
  },
  {
    field: "Mutation.waiveUsage",
    document: `mutation($id: ID!, $key: String!) {
      waiveUsage(input: { serverId: $id, amount: "1000", reason: "outage", idempotencyKey: $key }) { userErrors { code } }
    }`,
    variables: (id) => ({ id, key: key() }),
    path: "waiveUsage",
    answer: { userError: "SERVER_NOT_FOUND" },
  },
  {
    field: "Mutation.revokeApiKey",
    document: `mutation($id: ID!) { revokeApiKey(input: { apiKeyId: $id }) { userErrors { code } } }`,
    variables: (id) => ({ id }),
    path: "revokeApiKey",
    answer: { userError: "API_KEY_NOT_FOUND" },
  },
  {
    field: "Mutation.deleteSshKey",
    document: `mutation($id: ID!) { deleteSshKey(input: { sshKeyId: $id }) { userErrors { code } } }`,
    variables: (id) => ({ id }),
    path: "deleteSshKey",
    answer: { userError: "SSH_KEY_NOT_FOUND" },
  },
  {
    field: "Mutation.orderServer",
    document: `mutation($id: ID!, $key: String!) {
      orderServer(input: {
        name: "web", planId: "hz-cx22", regionId: "hz-fsn1", imageId: "ubuntu-24.04",
        sshKeyIds: [$id], idempotencyKey: $key
      }) { userErrors { code } }
    }`,
    variables: (id) => ({ id, key: key() }),
    path: "orderServer",
    answer: { userError: "SSH_KEY_NOT_FOUND" },
  },
  {
    field: "Query.webhookDeliveries",
    document: `query($id: ID!) { webhookDeliveries(first: 5, endpointId: $id) { nodes { id } } }`,
    variables: (id) => ({ id }),
    answer: { data: { webhookDeliveries: { nodes: [] } } },
  },
  {
    field: "Mutation.deleteWebhookEndpoint",
    document: `mutation($id: ID!) { deleteWebhookEndpoint(input: { endpointId: $id }) { userErrors { code } } }`,
    variables: (id) => ({ id }),
    path: "deleteWebhookEndpoint",
    answer: { userError: "WEBHOOK_ENDPOINT_NOT_FOUND" },
  },
  {
    field: "Mutation.redeliverWebhook",
    document: `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { userErrors { code } } }`,
    variables: (id) => ({ id }),
    path: "redeliverWebhook",
    answer: { userError: "WEBHOOK_DELIVERY_NOT_FOUND" },
  },
  serverMutation("powerOffServer"),
  serverMutation("powerOnServer"),
  serverMutation("rebootServer"),
  serverMutation("deleteServer"),
  serverMutation("rebuildServer", `serverId: $id, imageId: "ubuntu-24.04"`),
  serverMutation("resizeServer", `serverId: $id, planId: "hz-cx32"`),
  {
    field: "Subscription.serverStatusChanged",
    document: `subscription($id: ID!) { serverStatusChanged(serverId: $id) { status } }`,
    variables: (id) => ({ id }),
    answer: { error: "NOT_FOUND" },
  },
];

/** Malformed, foreign (another type's id, for every operation: an ApiKey's names no other type) and unknown. */
const BAD_IDS: Readonly<Record<string, (field: string) => string>> = {
  malformed: () => "garbage",
  "too long": () => "a".repeat(600),
  "not base64url": () => "!!!",
  "another type's": (field) =>
    field === "Mutation.revokeApiKey" ? toGlobalId("User", key()) : toGlobalId("ApiKey", key()),
  "one we never issued": (field) => toGlobalId(typeOf(field), key()),
};

function typeOf(
  field: string,
): "User" | "Server" | "Invoice" | "ApiKey" | "SshKey" | "WebhookEndpoint" | "WebhookDelivery" {
  if (field !== "Query.servers" && /Server|server|waiveUsage/.test(field)) return "Server";
  if (field === "Query.invoice") return "Invoice";
  if (field === "Mutation.revokeApiKey") return "ApiKey";
  if (field === "Mutation.deleteSshKey") return "SshKey";
  if (field === "Mutation.redeliverWebhook") return "WebhookDelivery";
  if (/Webhook/.test(field)) return "WebhookEndpoint";
  return "User";
}

describe("the operations taking ids", () => {
  it("are every field with a global-id argument, and node", async () => {
    const declared = fieldsTakingGlobalIds(await buildGatewaySchema()).map(({ name }) => name);
    expect([...declared, "Query.node"].sort()).toEqual(OPERATIONS.map((op) => op.field).sort());
  });
});

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`bad ids on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    let token: string;
    let resellerToken: string;
    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database);
      await createAdmin(t.config, { email: "root@example.com", password: PASSWORD }, database);
      const logIn = await sendGraphQL(t.app.url, LOG_IN, {
        input: { email: "root@example.com", password: PASSWORD },
      });
      token = payloadOf(logIn, "logIn").session!.accessToken;
      await stepUpSession(t.app.url, token, PASSWORD);
      const reseller = await register(t.app.url, "reseller@example.com");
      await sendGraphQL(
        t.app.url,
        CHANGE_USER_ROLE,
        { input: { userId: reseller.id, role: "RESELLER" } },
        { token },
      );
      const resellerLogIn = await sendGraphQL(t.app.url, LOG_IN, {
        input: { email: "reseller@example.com", password: PASSWORD },
      });
      resellerToken = payloadOf(resellerLogIn, "logIn").session!.accessToken;
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    async function answerOf(op: IdOperation, id: string): Promise<Answer> {
      if (op.field.startsWith("Subscription.")) {
        const client = new GraphQLTestClient(t.app.url).ws(token);
        try {
          const result = await wsOnce(client, op.document, op.variables(id));
          return { error: String(result.errors?.[0]?.extensions?.["code"]) };
        } finally {
          await client.dispose();
        }
      }
      const response = await sendGraphQL(t.app.url, op.document, op.variables(id), {
        token: op.as === "RESELLER" ? resellerToken : token,
      });
      expect(response.json?.errors).toBeUndefined();
      const data = response.json?.data;
      if (!op.path) return { data };
      const payload = data?.[op.path] as { userErrors: { code: string }[] };
      return { userError: payload.userErrors.map((e) => e.code).join() };
    }

    for (const op of OPERATIONS) {
      it.each(Object.entries(BAD_IDS))(`${op.field}: %s id`, async (_kind, badId) => {
        expect(await answerOf(op, badId(op.field))).toEqual(op.answer);
      });
    }

    it("logs no error for any of them", () => expect(t.loggedErrors).toEqual([]));
  });
}
