import { openJobQueue, type JobQueue } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueThisMonthsInvoice } from "./support/invoices.ts";
import { createdCustomer, signedUpReseller } from "./support/resellers.ts";
import { createTestSdk, rejectionOf, type TestSdkClient } from "./support/sdk-client.ts";
import { useWalletAppWithAdmin } from "./support/wallet-app-rig.ts";

const PASSWORD = "correct horse battery";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`invoices over GraphQL on ${target.name}`, () => {
    const rig = useWalletAppWithAdmin(target, PASSWORD);
    let queue: JobQueue;
    beforeAll(async () => {
      queue = await openJobQueue(rig.database, { role: "producer", onError: () => undefined });
    });
    afterAll(async () => {
      await queue?.stop({ timeoutMs: 1000 });
    });

    /** The app listens on a port of its own, not PUBLIC_URL's: the link's path and query are what matter. */
    const local = (link: string): URL => {
      const url = new URL(link);
      url.host = new URL(rig.t.app.url).host;
      return url;
    };

    async function customer(): Promise<{ client: TestSdkClient; userId: string; token: string }> {
      const client = createTestSdk(rig.t.app.url);
      const email = `c-${randomUUID()}@example.com`;
      const { registerUser } = await client.RegisterUser({ input: { email, password: PASSWORD } });
      const userId = registerUser.user!.id;
      const { logIn } = await client.LogIn({ input: { email, password: PASSWORD } });
      await rig.admin.AdjustWallet({
        input: { userId, amount: "1000000", reason: "test funds", idempotencyKey: randomUUID() },
      });
      return { client, userId, token: logIn.session!.accessToken };
    }

    it("shows an invoice and its PDF to its owner and staff only, and the month so far to its owner", async () => {
      const owner = await customer();
      const other = await customer();
      // Issued straight through the repository for this month: the job's timing is tested elsewhere.
      const { issued } = await issueThisMonthsInvoice(rig.database, queue, owner.userId);
      expect(issued.status).toBe("ISSUED");

      const { invoices } = await owner.client.Invoices({ first: 10 });
      expect(invoices.nodes).toHaveLength(1);
      const invoice = invoices.nodes[0]!;
      expect(invoice).toMatchObject({ subtotalRials: "0", vatRials: "0", totalRials: "0", lines: [] });
      expect(invoice.number).toMatch(/^\d{4}-\d{6}$/);
      expect(invoice.statement.map((line) => [line.kind, line.amountRials])).toEqual([
        ["ADMIN_CREDIT", "1000000"],
      ]);
      expect((await owner.client.Invoice({ id: invoice.id })).invoice?.number).toBe(invoice.number);
      expect((await rig.admin.Invoice({ id: invoice.id })).invoice?.number).toBe(invoice.number);
      expect((await other.client.Invoice({ id: invoice.id })).invoice).toBeNull();
      expect((await rejectionOf(other.client.Invoices({ first: 10, userId: owner.userId }))).codes).toEqual([
        "FORBIDDEN",
      ]);

      // The signed link works alone; re-signed for someone else it does not; a bearer token is checked.
      const pdf = await fetch(local(invoice.pdfUrl));
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
      const forged = local(invoice.pdfUrl);
      forged.searchParams.set("viewer", "someone-else");
      expect((await fetch(forged)).status).toBe(403);
      const bare = local(invoice.pdfUrl);
      bare.search = "";
      expect((await fetch(bare)).status).toBe(401);
      expect((await fetch(bare, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
      expect((await fetch(bare, { headers: { authorization: `Bearer ${owner.token}` } })).status).toBe(200);

      // The month so far: not numbered, live, with its own PDF.
      const upcoming = (await owner.client.UpcomingInvoice()).viewer!.upcomingInvoice!;
      expect(upcoming.number).toBeNull();
      expect(upcoming.statement).toHaveLength(1);
      expect((await fetch(local(upcoming.pdfUrl))).status).toBe(200);

      // Revenue and debts are the administrator's.
      expect((await rejectionOf(owner.client.OutstandingBalances({ first: 10 }))).codes).toEqual([
        "FORBIDDEN",
      ]);
      expect((await rig.admin.OutstandingBalances({ first: 10 })).outstandingBalances).toEqual([]);
      expect(
        (await rejectionOf(owner.client.RevenueByMonth({ sinceYear: 1405, sinceMonth: 1 }))).codes,
      ).toEqual(["FORBIDDEN"]);
      expect((await rig.admin.RevenueByMonth({ sinceYear: 1405, sinceMonth: 1 })).revenueByMonth).toEqual([]);
    });

    it("shows a customer's invoice and its PDF to its reseller, by customerId and by id, and to no other reseller", async () => {
      const reseller = await signedUpReseller(rig.t.app.url, rig.admin, PASSWORD);
      const other = await signedUpReseller(rig.t.app.url, rig.admin, PASSWORD);
      const customer = await createdCustomer(reseller.client);
      // An invoice states a month with something in it: a credit here.
      await rig.admin.AdjustWallet({
        input: { userId: customer.id, amount: "1000000", reason: "test funds", idempotencyKey: randomUUID() },
      });
      const { issued } = await issueThisMonthsInvoice(rig.database, queue, customer.id);
      expect(issued.status).toBe("ISSUED");

      const { invoices } = await reseller.client.Invoices({ first: 10, customerId: customer.id });
      expect(invoices.nodes).toHaveLength(1);
      const invoice = invoices.nodes[0]!;
      expect((await reseller.client.Invoice({ id: invoice.id })).invoice?.number).toBe(invoice.number);
      expect((await fetch(local(invoice.pdfUrl))).status).toBe(200);
      expect((await reseller.client.Invoices({ first: 10 })).invoices.nodes).toEqual([]);

      expect((await other.client.Invoices({ first: 10, customerId: customer.id })).invoices.nodes).toEqual(
        [],
      );
      expect((await other.client.Invoice({ id: invoice.id })).invoice).toBeNull();
      expect(
        (
          await rejectionOf(
            reseller.client.Invoices({ first: 10, userId: customer.id, customerId: customer.id }),
          )
        ).codes,
      ).toEqual(["BAD_USER_INPUT"]);
    });

    it("lists suspended servers with their owners to the administrator only", async () => {
      const owner = await customer();
      const { orderServer } = await owner.client.OrderServer({
        input: {
          name: "suspended-1",
          planId: "hz-cx22",
          regionId: "hz-fsn1",
          imageId: "ubuntu-24.04",
          idempotencyKey: randomUUID(),
        },
      });
      expect(orderServer.userErrors).toEqual([]);
      const serverId = orderServer.server!.id;
      const before = (await rig.admin.SuspendedServers({ first: 100 })).suspendedServers.nodes;
      expect(before.map((row) => row.server.id)).not.toContain(serverId);

      // Put in SUSPENDED directly: how dunning gets it there is dunning.test.ts's subject.
      const key = Buffer.from(serverId, "base64url").toString().slice("Server:".length);
      await rig.database.db.execute(`update servers set status = 'SUSPENDED' where id = '${key}'`);

      expect((await rejectionOf(owner.client.SuspendedServers({ first: 10 }))).codes).toEqual(["FORBIDDEN"]);
      const first = (await rig.admin.SuspendedServers({ first: 1 })).suspendedServers;
      expect(first.nodes).toEqual([
        {
          server: { id: serverId, name: "suspended-1", status: "SUSPENDED" },
          ownerId: owner.userId,
          ownerEmail: expect.stringMatching(/^c-.*@example\.com$/),
        },
      ]);
      const rest = await rig.admin.SuspendedServers({ first: 10, after: first.pageInfo.endCursor });
      expect(rest.suspendedServers.nodes.map((row) => row.server.id)).not.toContain(serverId);
    });
  });
}
