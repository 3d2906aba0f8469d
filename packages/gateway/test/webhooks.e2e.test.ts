import { tables } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { verifyWebhook } from "@peykarband/sdk";
import { describe, expect, it, vi } from "vitest";
import { keyOf } from "../src/schema/node/global-id.ts";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { orderAccepted, signedUpCustomer } from "./support/server-customers.ts";
import { useWebhookRig } from "./support/webhook-rig.ts";

const PASSWORD = "correct horse battery";
const DAY_SECONDS = 24 * 3600;

/** /ok answers 200; /flaky 500 to an event's first POST and 200 after; /down always 500. */
const answer = (path: string, earlier: number) =>
  path === "/ok" ? 200 : path === "/flaky" ? (earlier === 0 ? 500 : 200) : 500;

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `webhooks end to end on ${target.name}`,
    { timeout: 60_000 },
    () => {
      const rig = useWebhookRig(target, answer, PASSWORD);

      const customer = () => signedUpCustomer(rig.sandbox.app.url, rig.sandbox.admin, PASSWORD);
      const endpointFor = async (client: TestSdkClient, path: string) => {
        const { createWebhookEndpoint } = await client.CreateWebhookEndpoint({
          input: { url: `${rig.receiver.origin}${path}`, events: ["SERVER_STATUS_CHANGED"] },
        });
        expect(createWebhookEndpoint.userErrors).toEqual([]);
        return { endpoint: createWebhookEndpoint.webhookEndpoint!, secret: createWebhookEndpoint.secret! };
      };
      const deliveries = async (client: TestSdkClient, endpointId: string) =>
        (await client.WebhookDeliveries({ endpointId, first: 50 })).webhookDeliveries.nodes;
      const receivedFor = (serverId: string, path: string) =>
        rig.receiver.received.filter((r) => r.path === path && r.event.data["serverId"] === serverId);

      it("signs and delivers SERVER_STATUS_CHANGED up to ACTIVE, and records each answer", async () => {
        const { client } = await customer();
        const { endpoint, secret } = await endpointFor(client, "/ok");
        expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
        const server = await orderAccepted(client);
        await vi.waitFor(
          () => expect(receivedFor(server.id, "/ok").map((r) => r.event.data["status"])).toContain("ACTIVE"),
          {
            timeout: 30_000,
            interval: 100,
          },
        );
        const statuses = receivedFor(server.id, "/ok").map((r) => r.event.data["status"]);
        expect(statuses.sort()).toEqual(["ACTIVE", "PENDING", "PROVISIONING"]);
        for (const delivery of receivedFor(server.id, "/ok")) {
          expect(delivery.event.type).toBe("SERVER_STATUS_CHANGED");
          expect(
            verifyWebhook(secret, delivery.headers["peykarband-signature"] as string, delivery.rawBody),
          ).toMatchObject({
            valid: true,
          });
          expect(
            verifyWebhook(`${secret}x`, delivery.headers["peykarband-signature"] as string, delivery.rawBody),
          ).toEqual({
            valid: false,
            reason: "SIGNATURE_MISMATCH",
          });
        }
        await vi.waitFor(async () => {
          const recorded = await deliveries(client, endpoint.id);
          expect(recorded).toHaveLength(3);
          for (const delivery of recorded) {
            expect(delivery).toMatchObject({
              status: "SUCCEEDED",
              attempts: 1,
              responseStatus: 200,
              lastError: null,
            });
            expect(delivery.responseTimeMs).toBeGreaterThanOrEqual(0);
          }
        });
      });

      it("retries an answer of 500 and records the 200 that follows", async () => {
        const { client } = await customer();
        const { endpoint } = await endpointFor(client, "/flaky");
        const server = await orderAccepted(client);
        await vi.waitFor(
          async () => {
            const recorded = await deliveries(client, endpoint.id);
            expect(recorded.map((d) => d.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
            for (const delivery of recorded)
              expect(delivery).toMatchObject({ attempts: 2, responseStatus: 200 });
          },
          { timeout: 30_000, interval: 200 },
        );
        const posts = receivedFor(server.id, "/flaky");
        expect(posts.map((r) => r.status).sort()).toEqual([200, 200, 200, 500, 500, 500]);
      });

      it("sends a delivery again with redeliverWebhook, as a new delivery of the same event", async () => {
        const { client } = await customer();
        const { endpoint } = await endpointFor(client, "/ok");
        const server = await orderAccepted(client);
        let first: Awaited<ReturnType<typeof deliveries>>[number] | undefined;
        await vi.waitFor(
          async () => {
            first = (await deliveries(client, endpoint.id)).find((d) => d.status === "SUCCEEDED");
            expect(first).toBeDefined();
          },
          { timeout: 30_000, interval: 100 },
        );
        const { redeliverWebhook } = await client.RedeliverWebhook({ input: { deliveryId: first!.id } });
        expect(redeliverWebhook.userErrors).toEqual([]);
        expect(redeliverWebhook.delivery).toMatchObject({
          eventId: first!.eventId,
          body: first!.body,
          redeliveryOf: first!.id,
          status: "PENDING",
        });
        await vi.waitFor(() =>
          expect(receivedFor(server.id, "/ok").filter((r) => r.event.id === first!.eventId)).toHaveLength(2),
        );
      });

      it("keeps each customer's endpoints and deliveries to themselves", async () => {
        const alice = await customer();
        const mallory = await customer();
        const { endpoint } = await endpointFor(alice.client, "/ok");
        await orderAccepted(alice.client);
        let aliceDeliveryId = "";
        await vi.waitFor(
          async () => {
            aliceDeliveryId = (await deliveries(alice.client, endpoint.id))[0]?.id ?? "";
            expect(aliceDeliveryId).not.toBe("");
          },
          { timeout: 30_000, interval: 100 },
        );
        expect((await mallory.client.WebhookEndpoints({ first: 10 })).webhookEndpoints.nodes).toEqual([]);
        expect(await deliveries(mallory.client, endpoint.id)).toEqual([]);
        const { redeliverWebhook } = await mallory.client.RedeliverWebhook({
          input: { deliveryId: aliceDeliveryId },
        });
        expect(redeliverWebhook.userErrors.map((e) => e.code)).toEqual(["WEBHOOK_DELIVERY_NOT_FOUND"]);
        const { deleteWebhookEndpoint } = await mallory.client.DeleteWebhookEndpoint({
          input: { endpointId: endpoint.id },
        });
        expect(deleteWebhookEndpoint.userErrors.map((e) => e.code)).toEqual(["WEBHOOK_ENDPOINT_NOT_FOUND"]);
        expect((await alice.client.WebhookEndpoints({ first: 10 })).webhookEndpoints.nodes).toHaveLength(1);
      });

      it("refuses URLs that are not http(s), and lets an API key manage webhooks only with webhooks:write", async () => {
        const { client } = await customer();
        const { createWebhookEndpoint } = await client.CreateWebhookEndpoint({
          input: { url: "ftp://example.com/hook", events: ["BALANCE_LOW"] },
        });
        expect(createWebhookEndpoint.userErrors.map((e) => e.code)).toEqual(["WEBHOOK_URL_INVALID"]);
        const keys = await Promise.all(
          (["SERVERS_READ", "WEBHOOKS_WRITE"] as const).map(async (scope) => {
            const { createApiKey } = await client.CreateApiKey({ input: { name: scope, scopes: [scope] } });
            return createTestSdk(rig.sandbox.app.url, { bearer: createApiKey.secret! });
          }),
        );
        const [readOnly, webhooksKey] = keys;
        await expect(readOnly!.WebhookEndpoints({ first: 10 })).rejects.toThrow();
        const created = await webhooksKey!.CreateWebhookEndpoint({
          input: { url: `${rig.receiver.origin}/ok`, events: ["BALANCE_LOW"] },
        });
        expect(created.createWebhookEndpoint.userErrors).toEqual([]);
        await Promise.all(keys.map((key) => key.dispose()));
      });

      it("gives up and disables an endpoint that failed every attempt for a day, and tells its owner once", async () => {
        const { client, id } = await customer();
        const { setLanguage } = await client.SetLanguage({ input: { language: "EN" } });
        expect(setLanguage.userErrors).toEqual([]);
        const { endpoint } = await endpointFor(client, "/down");
        const { createApiKey } = await client.CreateApiKey({
          input: { name: "after a day", scopes: ["WEBHOOKS_WRITE"] },
        });
        // The session's access token expires when the clock moves a day; the key does not.
        const key = createTestSdk(rig.sandbox.app.url, { bearer: createApiKey.secret! });
        const server = await orderAccepted(client);
        await vi.waitFor(() => expect(receivedFor(server.id, "/down").length).toBeGreaterThanOrEqual(2), {
          timeout: 30_000,
          interval: 100,
        });
        const failing = (await key.WebhookEndpoints({ first: 10 })).webhookEndpoints.nodes[0]!;
        expect(failing).toMatchObject({ id: endpoint.id, disabledAt: null });
        expect(failing.failingSince).not.toBeNull();
        rig.sandbox.clock.advance(DAY_SECONDS);
        await vi.waitFor(
          async () => {
            const [disabled] = (await key.WebhookEndpoints({ first: 10 })).webhookEndpoints.nodes;
            expect(disabled!.disabledAt).not.toBeNull();
            expect(disabled!.disabledReason).toMatch(/24 hours/);
            const recorded = await deliveries(key, endpoint.id);
            expect(recorded.map((d) => d.status)).toEqual(recorded.map(() => "FAILED"));
          },
          { timeout: 30_000, interval: 200 },
        );
        const { redeliverWebhook } = await key.RedeliverWebhook({
          input: { deliveryId: (await deliveries(key, endpoint.id))[0]!.id },
        });
        expect(redeliverWebhook.userErrors.map((e) => e.code)).toEqual(["WEBHOOK_DELIVERY_NOT_FOUND"]);
        await key.dispose();

        // Each of the endpoint's deliveries found it failing for a day; only the run that disabled it wrote the notice.
        const notices = async () =>
          (await rig.database.db.select().from(tables.notifications)).filter(
            (n) => n.userId === keyOf(id, "User") && n.kind === "WEBHOOK_ENDPOINT_DISABLED",
          );
        await vi.waitFor(async () => expect((await notices())[0]?.sentAt).toBeInstanceOf(Date), {
          timeout: 30_000,
          interval: 200,
        });
        const [notice, ...more] = await notices();
        expect(more).toEqual([]);
        expect(notice).toMatchObject({
          channel: "EMAIL",
          language: "en",
          subject: "Your webhook endpoint was disabled",
          lastError: null,
        });
        expect(notice!.body).toContain(`${rig.receiver.origin}/down`);
        const outbox = await (await fetch(new URL("/sandbox/outbox", rig.sandbox.app.url))).text();
        expect(outbox.split("Your webhook endpoint was disabled")).toHaveLength(2);
      });
    },
  );
}
