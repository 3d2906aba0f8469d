import type { WebhookEventType } from "@peykarband/domain";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { verifyWebhook } from "@peykarband/sdk";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { issueThisMonthsInvoice } from "./support/invoices.ts";
import { createdCustomer, signedUpReseller } from "./support/resellers.ts";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { signedUpCustomer } from "./support/server-customers.ts";
import { decideOnGatewayPage, sendCallback } from "./support/wallet-app.ts";
import { useWebhookRig } from "./support/webhook-rig.ts";

const PASSWORD = "correct horse battery";
const AMOUNT = "5000000";

/**
 * PAYMENT_SUCCEEDED and INVOICE_ISSUED, written with the credit and with the invoice: who hears
 * them (the owner's and its reseller's subscribed endpoints, nobody else), signed, and once.
 */
for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `payment and invoice webhooks on ${target.name}`,
    { timeout: 60_000 },
    () => {
      const rig = useWebhookRig(target, () => 200, PASSWORD);

      /** An endpoint of `client` on its own path of the receiver, subscribed to `events`. */
      const endpoint = async (client: TestSdkClient, events: WebhookEventType[]) => {
        const path = `/${randomUUID()}`;
        const { createWebhookEndpoint } = await client.CreateWebhookEndpoint({
          input: { url: `${rig.receiver.origin}${path}`, events },
        });
        expect(createWebhookEndpoint.userErrors).toEqual([]);
        return { id: createWebhookEndpoint.webhookEndpoint!.id, secret: createWebhookEndpoint.secret!, path };
      };
      const deliveries = async (client: TestSdkClient, endpointId: string) =>
        (await client.WebhookDeliveries({ endpointId, first: 50 })).webhookDeliveries.nodes;
      const postsTo = (path: string) => rig.receiver.received.filter((r) => r.path === path);

      /** Waits for `path`'s one POST of type `type`, and checks it is signed with `secret` alone. */
      async function receivedOnce(path: string, secret: string, type: WebhookEventType) {
        await vi.waitFor(() => expect(postsTo(path).filter((r) => r.event.type === type)).toHaveLength(1), {
          timeout: 30_000,
          interval: 100,
        });
        const [post] = postsTo(path).filter((r) => r.event.type === type);
        const signature = post!.headers["peykarband-signature"] as string;
        expect(verifyWebhook(secret, signature, post!.rawBody)).toMatchObject({ valid: true });
        expect(verifyWebhook(`${secret}x`, signature, post!.rawBody)).toMatchObject({ valid: false });
        return post!.event;
      }

      /** A paid top-up of `client`, its callback then sent three more times, two of them at once. */
      async function paidTopUp(client: TestSdkClient, gateway: "ZARINPAL" | "IDPAY") {
        const { startTopUp } = await client.StartTopUp({
          input: { amount: AMOUNT, gateway, idempotencyKey: randomUUID() },
        });
        expect(startTopUp.userErrors).toEqual([]);
        const callback = await decideOnGatewayPage(startTopUp.redirectUrl!, "pay");
        expect((await sendCallback(callback)).result.get("status")).toBe("PAID");
        await Promise.all([sendCallback(callback), sendCallback(callback)]);
        await sendCallback(callback);
        const { viewer } = await client.Wallet();
        expect(viewer!.wallet.balance).toBe(AMOUNT);
        return startTopUp.payment!;
      }

      it.each(["ZARINPAL", "IDPAY"] as const)(
        "PAYMENT_SUCCEEDED (%s): one signed delivery per subscribed endpoint, none to the others, none for a replayed callback",
        async (gateway) => {
          const { client } = await signedUpCustomer(rig.sandbox.app.url, rig.sandbox.admin, PASSWORD, "0");
          const subscribed = await endpoint(client, ["PAYMENT_SUCCEEDED"]);
          const also = await endpoint(client, ["PAYMENT_SUCCEEDED", "INVOICE_ISSUED"]);
          const unsubscribed = await endpoint(client, ["SERVER_STATUS_CHANGED", "BALANCE_LOW"]);
          const stranger = await signedUpCustomer(rig.sandbox.app.url, rig.sandbox.admin, PASSWORD, "0");
          const strangers = await endpoint(stranger.client, ["PAYMENT_SUCCEEDED"]);

          const payment = await paidTopUp(client, gateway);

          for (const { path, secret } of [subscribed, also]) {
            const event = await receivedOnce(path, secret, "PAYMENT_SUCCEEDED");
            expect(event.data).toEqual({ paymentId: payment.id, amount: AMOUNT });
          }
          // The replays returned before these reads: anything they wrote would show here.
          for (const { id } of [subscribed, also]) {
            await vi.waitFor(async () =>
              expect((await deliveries(client, id)).map((d) => [d.eventType, d.status])).toEqual([
                ["PAYMENT_SUCCEEDED", "SUCCEEDED"],
              ]),
            );
          }
          expect(await deliveries(client, unsubscribed.id)).toEqual([]);
          expect(await deliveries(stranger.client, strangers.id)).toEqual([]);
          expect(postsTo(unsubscribed.path)).toEqual([]);
          expect(postsTo(strangers.path)).toEqual([]);
        },
      );

      it("a reseller hears its customer's payment and invoice; another reseller and other customers hear nothing", async () => {
        const reseller = await signedUpReseller(rig.sandbox.app.url, rig.sandbox.admin, PASSWORD);
        const resellers = await endpoint(reseller.client, ["PAYMENT_SUCCEEDED", "INVOICE_ISSUED"]);
        const created = await createdCustomer(reseller.client, PASSWORD);
        const customer = createTestSdk(rig.sandbox.app.url);
        await customer.LogIn({ input: { email: created.email, password: PASSWORD } });
        const customers = await endpoint(customer, ["PAYMENT_SUCCEEDED", "INVOICE_ISSUED"]);
        const rival = await signedUpReseller(rig.sandbox.app.url, rig.sandbox.admin, PASSWORD);
        const rivals = await endpoint(rival.client, ["PAYMENT_SUCCEEDED", "INVOICE_ISSUED"]);
        const sibling = await createdCustomer(rival.client, PASSWORD);
        const siblingClient = createTestSdk(rig.sandbox.app.url);
        await siblingClient.LogIn({ input: { email: sibling.email, password: PASSWORD } });
        const siblings = await endpoint(siblingClient, ["PAYMENT_SUCCEEDED", "INVOICE_ISSUED"]);

        const payment = await paidTopUp(customer, "ZARINPAL");
        for (const { path, secret } of [resellers, customers]) {
          expect((await receivedOnce(path, secret, "PAYMENT_SUCCEEDED")).data).toEqual({
            paymentId: payment.id,
            amount: AMOUNT,
          });
        }

        // This month's invoice: the top-up is its statement.
        const { issued, invoices, command } = await issueThisMonthsInvoice(
          rig.database,
          rig.sandbox.jobQueue,
          created.id,
        );
        if (issued.status !== "ISSUED") throw new Error(`not issued: ${issued.status}`);
        expect(await invoices.issue({ ...command, id: randomUUID() })).toEqual({ status: "ALREADY_ISSUED" });
        const { invoices: listed } = await customer.Invoices({ first: 1 });
        for (const { path, secret } of [resellers, customers]) {
          expect((await receivedOnce(path, secret, "INVOICE_ISSUED")).data).toEqual({
            invoiceId: listed.nodes[0]!.id,
            number: issued.invoice.number,
            total: issued.invoice.totalRials.toString(),
          });
        }

        for (const [client, { id }] of [
          [reseller.client, resellers],
          [customer, customers],
        ] as const) {
          await vi.waitFor(async () =>
            expect((await deliveries(client, id)).map((d) => d.eventType).sort()).toEqual([
              "INVOICE_ISSUED",
              "PAYMENT_SUCCEEDED",
            ]),
          );
        }
        // The reseller's deliveries are its own: the customer cannot list them, nor the reverse.
        expect(await deliveries(customer, resellers.id)).toEqual([]);
        expect(await deliveries(reseller.client, customers.id)).toEqual([]);
        expect(await deliveries(rival.client, rivals.id)).toEqual([]);
        expect(await deliveries(siblingClient, siblings.id)).toEqual([]);
        expect(postsTo(rivals.path)).toEqual([]);
        expect(postsTo(siblings.path)).toEqual([]);
        await Promise.all([customer.dispose(), siblingClient.dispose()]);
      });
    },
  );
}
