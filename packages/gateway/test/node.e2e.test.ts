import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { startAbuseApp, type AbuseApp } from "./abuse/abuse-app.ts";
import { sendGraphQL } from "./abuse/abuse-client.ts";
import { LOG_IN, PASSWORD, payloadOf, register, type Account } from "./abuse/accounts-kit.ts";

const NODE = `query Node($id: ID!) {
  node(id: $id) { id __typename ... on AuditEvent { action subject { email } } ... on User { email } }
}`;
const AUDIT_EVENTS = `query { auditEvents(first: 10) { nodes { id action subject { email } } } }`;

type AuditNode = { id: string; action: string; subject: { email: string } | null };

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`node(id) for audit events on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    let customer: Account;
    let adminToken: string;
    let registered: AuditNode;
    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database);
      customer = await register(t.app.url, "customer@example.com");
      await createAdmin(t.config, { email: "root@example.com", password: PASSWORD }, database);
      const admin = await sendGraphQL(t.app.url, LOG_IN, {
        input: { email: "root@example.com", password: PASSWORD },
      });
      adminToken = payloadOf(admin, "logIn").session!.accessToken;
      const page = await sendGraphQL(t.app.url, AUDIT_EVENTS, {}, { token: adminToken });
      const nodes = (page.json?.data?.["auditEvents"] as { nodes: AuditNode[] }).nodes;
      registered = nodes.find(
        (event) => event.action === "USER_REGISTERED" && event.subject?.email === "customer@example.com",
      )!;
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    it("gives an ADMIN the event behind an AuditEvent id", async () => {
      const response = await sendGraphQL(t.app.url, NODE, { id: registered.id }, { token: adminToken });
      expect(response.json).toEqual({
        data: {
          node: {
            id: registered.id,
            __typename: "AuditEvent",
            action: "USER_REGISTERED",
            subject: { email: "customer@example.com" },
          },
        },
        extensions: expect.anything(),
      });
    });

    it("gives a CUSTOMER and an anonymous caller null, not an error, even for an event about themselves", async () => {
      for (const token of [customer.accessToken, undefined]) {
        const response = await sendGraphQL(t.app.url, NODE, { id: registered.id }, token ? { token } : {});
        expect(response.json?.data).toEqual({ node: null });
        expect(response.json?.errors).toBeUndefined();
      }
    });

    it("answers null for an AuditEvent id that is not in the log", async () => {
      const missing = Buffer.from("AuditEvent:0190f1c2-7a3b-7c4d-8e5f-001122334455").toString("base64url");
      const response = await sendGraphQL(t.app.url, NODE, { id: missing }, { token: adminToken });
      expect(response.json?.data).toEqual({ node: null });
      expect(t.loggedErrors).toEqual([]);
    });
  });
}
