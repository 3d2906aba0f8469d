import { tables, type Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAbuseApp, type AbuseApp } from "./abuse/abuse-app.ts";
import { sendGraphQL, type RawResponse } from "./abuse/abuse-client.ts";
import { keyOfGlobalId, register, type Account } from "./abuse/accounts-kit.ts";
import { GraphQLTestClient, wsOnce } from "./support/graphql-client.ts";

const CREATE_API_KEY = `mutation Create($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey { id name prefix scopes createdAt lastUsedAt revokedAt }
    userErrors { field code }
  }
}`;
const REVOKE_API_KEY = `mutation Revoke($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { id revokedAt } userErrors { code } }
}`;
const API_KEYS = `query { apiKeys(first: 10) { nodes { id prefix scopes lastUsedAt revokedAt } } }`;
const VIEWER = `query { viewer { id } }`;
const SSH_KEYS = `query { sshKeys { id } }`;
const ADD_SSH_KEY = `mutation Add($input: AddSshKeyInput!) {
  addSshKey(input: $input) { sshKey { id } userErrors { code } }
}`;
const NODE = `query Node($id: ID!) { node(id: $id) { id __typename } }`;
const PAYMENTS = `query { payments(first: 5) { nodes { id } } }`;
const WALLET = `query { viewer { id wallet { balance } } }`;

/** The scanning pattern docs/api.md gives partners. */
const KEY_PATTERN = /^pkb_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/;
/** The random part after `pkb_<id>_`; by position, as base64url may itself hold `_`. */
const secretPart = (key: string) => key.slice("pkb_".length + 32 + 1);

/** A well-formed ed25519 public key whose 32 key bytes are all `n`. */
function ed25519(n: number): string {
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const blob = Buffer.concat([field(Buffer.from("ssh-ed25519")), field(Buffer.alloc(32, n))]);
  return `ssh-ed25519 ${blob.toString("base64")}`;
}

interface CreatedKey {
  secret: string;
  apiKey: { id: string; prefix: string; scopes: string[]; lastUsedAt: string | null };
}

const data = <T>(response: RawResponse, field: string): T => response.json?.data?.[field] as T;
const firstError = (response: RawResponse) => response.json?.errors?.[0]?.extensions;

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`API keys on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    let alice: Account;
    let bob: Account;
    let key: CreatedKey;
    let bobsSshKeyId: string;

    const asKey = (query: string, variables: Record<string, unknown> = {}) =>
      sendGraphQL(t.app.url, query, variables, { token: key.secret });

    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database);
      alice = await register(t.app.url, "alice@example.com");
      bob = await register(t.app.url, "bob@example.com");
      const created = await sendGraphQL(
        t.app.url,
        CREATE_API_KEY,
        { input: { name: "partner sync", scopes: ["SERVERS_READ", "SERVERS_WRITE"] } },
        { token: alice.accessToken },
      );
      key = data<CreatedKey>(created, "createApiKey");
      const added = await sendGraphQL(
        t.app.url,
        ADD_SSH_KEY,
        { input: { name: "bob", publicKey: ed25519(1) } },
        { token: bob.accessToken },
      );
      bobsSshKeyId = data<{ sshKey: { id: string } }>(added, "addSshKey").sshKey.id;
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    it("creates a pkb_ key, shows its secret once and stores only its SHA-256", async () => {
      expect(key.secret).toMatch(KEY_PATTERN);
      expect(key.apiKey.prefix).toBe(key.secret.slice(0, 12));
      expect(key.apiKey.scopes).toEqual(["SERVERS_READ", "SERVERS_WRITE"]);
      const listed = await sendGraphQL(t.app.url, API_KEYS, {}, { token: alice.accessToken });
      expect(JSON.stringify(listed.json)).not.toContain(key.secret);
      const noSecretField = await sendGraphQL(
        t.app.url,
        `query { apiKeys(first: 1) { nodes { secret } } }`,
        {},
        { token: alice.accessToken },
      );
      expect(firstError(noSecretField)?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
      const [row] = await database.db.select().from(tables.apiKeys);
      expect(JSON.stringify(row)).not.toContain(secretPart(key.secret));
      expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("authenticates as its owner over HTTP and over WebSocket", async () => {
      const viewer = await asKey(VIEWER);
      expect(data<{ id: string }>(viewer, "viewer").id).toBe(alice.id);
      const socket = new GraphQLTestClient(t.app.url).ws(key.secret);
      try {
        const result = await wsOnce<{ viewer: { id: string } }>(socket, VIEWER);
        expect(result.data?.viewer.id).toBe(alice.id);
        const refused = await wsOnce(socket, PAYMENTS);
        expect(refused.errors?.[0]?.extensions).toMatchObject({
          code: "FORBIDDEN",
          requiredScope: "billing:read",
        });
      } finally {
        await socket.dispose();
      }
      const listed = await sendGraphQL(t.app.url, API_KEYS, {}, { token: alice.accessToken });
      const [stored] = data<{ nodes: CreatedKey["apiKey"][] }>(listed, "apiKeys").nodes;
      expect(stored!.lastUsedAt).not.toBeNull();
    });

    it("refuses a field outside its scopes with FORBIDDEN and the scope it lacks", async () => {
      for (const [query, scope] of [
        [PAYMENTS, "billing:read"],
        [WALLET, "billing:read"],
      ] as const) {
        const response = await asKey(query);
        expect(response.status).toBe(200);
        expect(firstError(response)).toMatchObject({ code: "FORBIDDEN", requiredScope: scope });
      }
    });

    it("never creates keys, touches account security or staff fields, whatever its scopes", async () => {
      const create = await asKey(CREATE_API_KEY, { input: { name: "more", scopes: ["SERVERS_READ"] } });
      expect(firstError(create)).toMatchObject({ code: "FORBIDDEN", requiredScope: null });
      const twoFactor = await asKey(
        `mutation { startTwoFactorSetup(input: { password: "x" }) { userErrors { code } } }`,
      );
      expect(firstError(twoFactor)).toMatchObject({ code: "FORBIDDEN", requiredScope: null });
      const audit = await asKey(`query { auditEvents(first: 1) { nodes { id } } }`);
      expect(firstError(audit)).toMatchObject({ code: "FORBIDDEN", requiredScope: null });
    });

    it("sees only its owner's objects, through node too", async () => {
      expect(await asKey(NODE, { id: bobsSshKeyId }).then((r) => r.json?.data)).toEqual({ node: null });
      expect(data<{ id: string }[]>(await asKey(SSH_KEYS), "sshKeys")).toEqual([]);
      const bobsOwn = await sendGraphQL(t.app.url, NODE, { id: bobsSshKeyId }, { token: bob.accessToken });
      expect(bobsOwn.json?.data).toEqual({ node: { id: bobsSshKeyId, __typename: "SshKey" } });
    });

    it("audits what it changes with the key's id", async () => {
      const added = await asKey(ADD_SSH_KEY, { input: { name: "ci", publicKey: ed25519(2) } });
      expect(data<{ userErrors: unknown[] }>(added, "addSshKey").userErrors).toEqual([]);
      const events = await database.db.select().from(tables.auditEvents);
      const keyId = keyOfGlobalId(key.apiKey.id);
      const sshAdded = events.filter((e) => e.action === "SSH_KEY_ADDED" && e.actorId === alice.key);
      expect(sshAdded.map((e) => e.details)).toEqual([expect.objectContaining({ apiKeyId: keyId })]);
      const created = events.filter((e) => e.action === "API_KEY_CREATED");
      expect(created.map((e) => e.details)).toEqual([
        { apiKeyId: keyId, scopes: "servers:read servers:write" },
      ]);
    });

    it("refuses a key whose secret is wrong, then the key itself once revoked, on every gateway", async () => {
      // A second gateway on the same database, as in a scaled-out deployment.
      const other = await startAbuseApp(database);
      const onOther = () => sendGraphQL(other.app.url, VIEWER, {}, { token: key.secret });
      expect(data<{ id: string }>(await onOther(), "viewer").id).toBe(alice.id);

      const forged = `${key.secret.slice(0, -4)}AAAA`;
      const wrong = await sendGraphQL(t.app.url, VIEWER, {}, { token: forged });
      expect([wrong.status, firstError(wrong)?.["code"]]).toEqual([401, "UNAUTHENTICATED"]);

      const socket = new GraphQLTestClient(t.app.url).ws(key.secret);
      expect((await wsOnce<{ viewer: { id: string } }>(socket, VIEWER)).data?.viewer.id).toBe(alice.id);
      const revoked = await sendGraphQL(
        t.app.url,
        REVOKE_API_KEY,
        { input: { apiKeyId: key.apiKey.id } },
        { token: alice.accessToken },
      );
      expect(data<{ userErrors: unknown[] }>(revoked, "revokeApiKey").userErrors).toEqual([]);
      const after = await asKey(VIEWER);
      expect([after.status, firstError(after)?.["code"]]).toEqual([401, "UNAUTHENTICATED"]);
      try {
        const elsewhere = await onOther();
        expect([elsewhere.status, firstError(elsewhere)?.["code"]]).toEqual([401, "UNAUTHENTICATED"]);
      } finally {
        await other.close();
      }
      try {
        const onOpenSocket = await wsOnce(socket, VIEWER);
        expect(onOpenSocket.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
      } finally {
        await socket.dispose();
      }

      const again = await sendGraphQL(
        t.app.url,
        REVOKE_API_KEY,
        { input: { apiKeyId: key.apiKey.id } },
        { token: alice.accessToken },
      );
      expect(data<{ userErrors: { code: string }[] }>(again, "revokeApiKey").userErrors).toEqual([
        { code: "API_KEY_NOT_FOUND" },
      ]);
      const byBob = await sendGraphQL(
        t.app.url,
        REVOKE_API_KEY,
        { input: { apiKeyId: key.apiKey.id } },
        { token: bob.accessToken },
      );
      expect(data<{ userErrors: { code: string }[] }>(byBob, "revokeApiKey").userErrors).toEqual([
        { code: "API_KEY_NOT_FOUND" },
      ]);
      const events = await database.db.select().from(tables.auditEvents);
      expect(events.filter((e) => e.action === "API_KEY_REVOKED").map((e) => [e.actorId, e.details])).toEqual(
        [[alice.key, { revokedApiKeyId: keyOfGlobalId(key.apiKey.id) }]],
      );
    });
  });
}
