import { rowsOf } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyOf } from "../src/schema/node/global-id.ts";
import { createdCustomer, signedUpReseller } from "./support/resellers.ts";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { orderAccepted, orderInput, signedUpCustomer } from "./support/server-customers.ts";
import { useWalletAppWithAdmin } from "./support/wallet-app-rig.ts";

const PASSWORD = "correct horse battery";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `resellers' servers for their customers on ${target.name}`,
    () => {
      const rig = useWalletAppWithAdmin(target, PASSWORD);

      const balanceOf = async (client: TestSdkClient) =>
        (await client.WalletEntries({ first: 1 })).viewer!.wallet.balance;

      /** A reseller with a customer it funded, who can sign in to look at its own account. */
      async function resellerWithCustomer() {
        const reseller = await signedUpReseller(rig.t.app.url, rig.admin, PASSWORD);
        const customer = await createdCustomer(reseller.client, PASSWORD);
        const { transferToCustomer } = await reseller.client.TransferToCustomer({
          input: { customerId: customer.id, amount: "100000000", idempotencyKey: randomUUID() },
        });
        expect(transferToCustomer.userErrors).toEqual([]);
        const customerClient = createTestSdk(rig.t.app.url);
        await customerClient.LogIn({ input: { email: customer.email, password: PASSWORD } });
        return { reseller, customer: { ...customer, client: customerClient } };
      }

      it("orders a server for its customer, charged to the customer, listed by customerId", async () => {
        const { reseller, customer } = await resellerWithCustomer();
        const resellerBalance = await balanceOf(reseller.client);
        const server = await orderAccepted(reseller.client, { customerId: customer.id });

        expect(await balanceOf(reseller.client)).toBe(resellerBalance);
        expect(BigInt(await balanceOf(customer.client))).toBeLessThan(100000000n);
        const own = await customer.client.Servers({ first: 10 });
        expect(own.servers.edges.map((edge) => edge.node.id)).toEqual([server.id]);
        const listed = await reseller.client.Servers({ first: 10, customerId: customer.id });
        expect(listed.servers.edges.map((edge) => edge.node.id)).toEqual([server.id]);
        expect((await reseller.client.Servers({ first: 10 })).servers.edges).toEqual([]);
        expect((await reseller.client.Server({ id: server.id })).server?.id).toBe(server.id);
      });

      it("shows and charges its customers our prices plus its markup, and nobody else", async () => {
        const { reseller, customer } = await resellerWithCustomer();
        const { setResellerMarkup } = await reseller.client.SetResellerMarkup({
          input: { basisPoints: 1500 },
        });
        expect(setResellerMarkup).toEqual({ basisPoints: 1500, userErrors: [] });
        const invalid = await reseller.client.SetResellerMarkup({ input: { basisPoints: 100_001 } });
        expect(invalid.setResellerMarkup.userErrors.map((error) => error.code)).toEqual(["INVALID_MARKUP"]);

        const ours = (await createTestSdk(rig.t.app.url).Plans()).plans.find(
          (plan) => plan.id === "hz-cx22",
        )!;
        const marked = (price: string) => ((BigInt(price) * 11_500n + 5_000n) / 10_000n).toString();
        const theirs = (await customer.client.Plans()).plans.find((plan) => plan.id === "hz-cx22")!;
        expect([theirs.hourlyPrice, theirs.monthlyPrice]).toEqual([
          marked(ours.hourlyPrice),
          marked(ours.monthlyPrice),
        ]);
        const resellers = (await reseller.client.Plans()).plans.find((plan) => plan.id === "hz-cx22")!;
        expect(resellers.hourlyPrice).toBe(ours.hourlyPrice);

        const server = await orderAccepted(reseller.client, { customerId: customer.id });
        const entries = (await customer.client.WalletEntries({ first: 10 })).viewer!.wallet.entries.edges;
        const charge = entries.map((edge) => edge.node).find((entry) => entry.kind === "DEBIT")!;
        expect(charge.amount).toBe(`-${marked(ours.hourlyPrice)}`);
        // The rate period keeps our price beside the customer's: settlement pays the difference to the reseller.
        const result: unknown = await rig.database.db.execute(
          `select hourly_rate::text as "hourlyRate", our_hourly_rate::text as "ourHourlyRate"
           from server_rate_periods where server_id = '${keyOf(server.id, "Server")}'`,
        );
        expect(rowsOf(result)).toEqual([
          { hourlyRate: marked(ours.hourlyPrice), ourHourlyRate: ours.hourlyPrice },
        ]);
      });

      it("operates its customer's server with customerId, and refuses another customer's", async () => {
        const { reseller, customer } = await resellerWithCustomer();
        const server = await orderAccepted(reseller.client, { customerId: customer.id });
        const second = await createdCustomer(reseller.client);
        const wrongOwner = await reseller.client.DeleteServer({
          input: { serverId: server.id, customerId: second.id },
        });
        expect(wrongOwner.deleteServer.userErrors.map((error) => error.code)).toEqual(["SERVER_NOT_FOUND"]);
        const deleted = await reseller.client.DeleteServer({
          input: { serverId: server.id, customerId: customer.id },
        });
        expect(deleted.deleteServer.userErrors).toEqual([]);
        expect(deleted.deleteServer.server?.status).toBe("DELETING");
      });

      it("reads its customer's payments and invoices with customerId; nobody else reads them", async () => {
        const { reseller, customer } = await resellerWithCustomer();
        const { startTopUp } = await customer.client.StartTopUp({
          input: { amount: "5000000", gateway: "ZARINPAL", idempotencyKey: randomUUID() },
        });
        expect(startTopUp.userErrors).toEqual([]);
        const paymentIds = async (client: TestSdkClient) =>
          (await client.Payments({ first: 10, customerId: customer.id })).payments.edges.map(
            (e) => e.node.id,
          );
        expect(await paymentIds(reseller.client)).toEqual([startTopUp.payment!.id]);
        expect((await reseller.client.Payments({ first: 10 })).payments.edges).toEqual([]);
        const invoices = await reseller.client.Invoices({ first: 10, customerId: customer.id });
        expect(invoices.invoices.nodes).toEqual([]);

        const otherReseller = await signedUpReseller(rig.t.app.url, rig.admin, PASSWORD);
        const plain = await signedUpCustomer(rig.t.app.url, rig.admin, PASSWORD);
        for (const client of [otherReseller.client, plain.client, customer.client, rig.admin]) {
          expect(await paymentIds(client)).toEqual([]);
          expect((await client.Invoices({ first: 10, customerId: customer.id })).invoices.nodes).toEqual([]);
        }
      });

      it("answers CUSTOMER_NOT_FOUND to anyone naming a customer who is not theirs", async () => {
        const { customer } = await resellerWithCustomer();
        const server = await orderAccepted(customer.client);
        const otherReseller = await signedUpReseller(rig.t.app.url, rig.admin, PASSWORD);
        const plain = await signedUpCustomer(rig.t.app.url, rig.admin, PASSWORD);
        for (const client of [otherReseller.client, plain.client, customer.client, rig.admin]) {
          const ordered = await client.OrderServer({ input: orderInput({ customerId: customer.id }) });
          expect(ordered.orderServer.userErrors.map((error) => error.code)).toEqual(["CUSTOMER_NOT_FOUND"]);
          const rebooted = await client.RebootServer({
            input: { serverId: server.id, customerId: customer.id },
          });
          expect(rebooted.rebootServer.userErrors.map((error) => error.code)).toEqual(["CUSTOMER_NOT_FOUND"]);
          expect((await client.Servers({ first: 5, customerId: customer.id })).servers.edges).toEqual([]);
        }
        expect((await otherReseller.client.Server({ id: server.id })).server).toBeNull();
      });
    },
  );
}
