import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createdCustomer, signedUpReseller } from "./support/resellers.ts";
import { createTestSdk, rejectionOf, type TestSdkClient } from "./support/sdk-client.ts";
import { signedUpCustomer } from "./support/server-customers.ts";
import { useWalletAppWithAdmin } from "./support/wallet-app-rig.ts";

const PASSWORD = "correct horse battery";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`resellers and their customers on ${target.name}`, () => {
    const rig = useWalletAppWithAdmin(target, PASSWORD);

    const reseller = (balance?: string) => signedUpReseller(rig.t.app.url, rig.admin, PASSWORD, balance);
    const balanceOf = async (client: TestSdkClient) =>
      (await client.WalletEntries({ first: 1 })).viewer!.wallet.balance;

    it("creates customers and lists only its own, newest first, page by page", async () => {
      const first = await reseller();
      const other = await reseller();
      const a = await createdCustomer(first.client);
      const b = await createdCustomer(first.client);
      await createdCustomer(other.client);

      const page1 = (await first.client.Customers({ first: 1 })).customers;
      expect(page1.edges.map((edge) => edge.node.id)).toEqual([b.id]);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      expect(page1.totalCount).toBe(2);
      const page2 = (await first.client.Customers({ first: 5, after: page1.pageInfo.endCursor })).customers;
      expect(page2.edges.map((edge) => [edge.node.id, edge.node.email, edge.node.role])).toEqual([
        [a.id, a.email, "CUSTOMER"],
      ]);
      expect(page2.pageInfo.hasNextPage).toBe(false);
    });

    it("refuses a taken email, and a customer without a password cannot sign in", async () => {
      const { client } = await reseller();
      const { email } = await createdCustomer(client);
      const again = await client.CreateCustomer({ input: { email } });
      expect(again.createCustomer.userErrors.map((error) => error.code)).toEqual(["EMAIL_TAKEN"]);
      const { logIn } = await createTestSdk(rig.t.app.url).LogIn({ input: { email, password: PASSWORD } });
      expect(logIn.userErrors.map((error) => error.code)).toEqual(["INVALID_CREDENTIALS"]);
    });

    it("lets a customer given a password sign in and see only itself", async () => {
      const { client } = await reseller();
      const { id, email } = await createdCustomer(client, PASSWORD);
      const customer = createTestSdk(rig.t.app.url);
      const { logIn } = await customer.LogIn({ input: { email, password: PASSWORD } });
      expect(logIn.session!.user).toMatchObject({ id, role: "CUSTOMER" });
      expect((await rejectionOf(customer.Customers({ first: 5 }))).codes).toEqual(["FORBIDDEN"]);
    });

    it("keeps createCustomer and customers to resellers", async () => {
      const { client } = await signedUpCustomer(rig.t.app.url, rig.admin, PASSWORD);
      const email = `x-${randomUUID()}@example.com`;
      expect((await rejectionOf(client.CreateCustomer({ input: { email } }))).codes).toEqual(["FORBIDDEN"]);
      expect((await rejectionOf(rig.admin.Customers({ first: 1 }))).codes).toEqual(["FORBIDDEN"]);
    });

    it("moves money to its customer once per key, on the ledger and in the audit log", async () => {
      const { client, id: resellerId } = await reseller("1000000");
      const customer = await createdCustomer(client);
      const input = { customerId: customer.id, amount: "300000", idempotencyKey: randomUUID() };
      const first = await client.TransferToCustomer({ input });
      expect(first.transferToCustomer).toEqual({
        wallet: { balance: "700000" },
        customerWallet: { balance: "300000" },
        userErrors: [],
      });
      expect((await client.TransferToCustomer({ input })).transferToCustomer).toEqual(
        first.transferToCustomer,
      );
      const reused = await client.TransferToCustomer({ input: { ...input, amount: "1" } });
      expect(reused.transferToCustomer.userErrors.map((error) => error.code)).toEqual([
        "IDEMPOTENCY_KEY_REUSED",
      ]);
      expect(await balanceOf(client)).toBe("700000");

      const { auditEvents } = await rig.admin.AuditEvents({ first: 10, subjectId: customer.id });
      const funded = auditEvents.edges
        .map((edge) => edge.node)
        .find((event) => event.action === "CUSTOMER_FUNDED")!;
      expect(funded.actor?.id).toBe(resellerId);
      expect(funded.details).toEqual(expect.arrayContaining([{ key: "amount", value: "300000" }]));
    });

    it("never overdraws the reseller, however many transfers race", async () => {
      const { client } = await reseller("1000000");
      const customer = await createdCustomer(client);
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          client.TransferToCustomer({
            input: { customerId: customer.id, amount: "300000", idempotencyKey: randomUUID() },
          }),
        ),
      );
      const codes = results.map((result) => result.transferToCustomer.userErrors[0]?.code ?? "OK");
      expect(codes.filter((code) => code === "OK")).toHaveLength(3);
      expect(codes.filter((code) => code === "INSUFFICIENT_FUNDS")).toHaveLength(5);
      expect(await balanceOf(client)).toBe("100000");
    });

    it("answers CUSTOMER_NOT_FOUND for another reseller's customer, a plain user and itself", async () => {
      const { client, id: resellerId } = await reseller();
      const other = await reseller();
      const theirs = await createdCustomer(other.client);
      const plain = await signedUpCustomer(rig.t.app.url, rig.admin, PASSWORD, "0");
      for (const customerId of [theirs.id, plain.id, resellerId, "garbage"]) {
        const { transferToCustomer } = await client.TransferToCustomer({
          input: { customerId, amount: "1000", idempotencyKey: randomUUID() },
        });
        expect(transferToCustomer.userErrors.map((error) => error.code)).toEqual(["CUSTOMER_NOT_FOUND"]);
      }
      expect(await balanceOf(other.client)).toBe("500000000");
    });
  });
}
