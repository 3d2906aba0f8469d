import type { Database } from "@peykarband/infrastructure";
import { expectLedgerBalanced, testDatabases } from "@peykarband/infrastructure/testing";
import type { PaymentGateway } from "@peykarband/sdk";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestSdk, rejectionOf, type TestSdkClient } from "./support/sdk-client.ts";
import {
  decideOnGatewayPage,
  sendCallback,
  startWalletApp,
  type CallbackRequest,
  type WalletApp,
} from "./support/wallet-app.ts";

const PASSWORD = "correct horse battery";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `wallet top-ups through the simulators on ${target.name}`,
    () => {
      let database: Database;
      let t: WalletApp;
      beforeAll(async () => {
        database = await target.open();
        t = await startWalletApp(database);
      });
      afterEach(async () => {
        t.simulators.zarinpal.faults.reset();
        t.simulators.idpay.faults.reset();
        await expectLedgerBalanced(database.db);
      });
      afterAll(async () => {
        await t?.close();
        await database?.close();
      });

      async function customer(): Promise<TestSdkClient> {
        const client = createTestSdk(t.app.url);
        const { registerUser } = await client.RegisterUser({
          input: { email: `payer-${randomUUID()}@example.com`, password: PASSWORD },
        });
        expect(registerUser.userErrors).toEqual([]);
        return client;
      }

      async function startTopUp(client: TestSdkClient, gateway: PaymentGateway, amount = "5000000") {
        const { startTopUp } = await client.StartTopUp({
          input: { amount, gateway, idempotencyKey: randomUUID() },
        });
        expect(startTopUp.userErrors).toEqual([]);
        return { payment: startTopUp.payment!, redirectUrl: startTopUp.redirectUrl! };
      }

      const balanceOf = async (client: TestSdkClient) => (await client.Wallet()).viewer!.wallet.balance;

      it.each(["ZARINPAL", "IDPAY"] as const)(
        "tops up through %s end to end: gateway page, callback, result page, credited once",
        async (gateway) => {
          const client = await customer();
          expect(await balanceOf(client)).toBe("0");
          const { payment, redirectUrl } = await startTopUp(client, gateway);
          expect(payment).toMatchObject({ amount: "5000000", gateway, status: "PENDING", paidAt: null });

          const callback = await decideOnGatewayPage(redirectUrl, "pay");
          expect(callback.method).toBe(gateway === "ZARINPAL" ? "GET" : "POST");
          expect(new URL(callback.url).origin).toBe(t.origin);
          const returned = await sendCallback(callback);
          expect(returned.status).toBe(303);
          expect(returned.location).toBe(`/payments/result?status=PAID&payment=${payment.id}`);

          const page = await fetch(new URL(returned.location!, t.origin));
          expect(page.status).toBe(200);
          const html = await page.text();
          expect(html).toContain('<html lang="fa" dir="rtl">');
          expect(html).toContain("پرداخت موفق بود");

          const { viewer } = await client.WalletEntries({ first: 10 });
          expect(viewer!.wallet.balance).toBe("5000000");
          const entries = viewer!.wallet.entries.edges.map((edge) => edge.node);
          expect(entries).toHaveLength(1);
          expect(entries[0]).toMatchObject({
            amount: "5000000",
            kind: "TOP_UP",
            payment: { id: payment.id, status: "PAID" },
          });
          const { payments } = await client.Payments({ first: 5 });
          expect(payments.edges[0]!.node).toMatchObject({ id: payment.id, status: "PAID" });
          expect(payments.edges[0]!.node.referenceId).toMatch(/^\d+$/);
          expect(payments.edges[0]!.node.paidAt).not.toBeNull();
        },
      );

      // IDPay's inquiry says the session is over; Zarinpal's verify answers a cancelled session as
      // it answers one not paid yet (-51), so it stays PENDING until reconciliation fails it.
      it.each([
        ["ZARINPAL", "PENDING"],
        ["IDPAY", "CANCELLED"],
      ] as const)(
        "a cancel on %s's page shows CANCELLED, leaves the payment %s and credits nothing",
        async (gateway, state) => {
          const client = await customer();
          const { payment, redirectUrl } = await startTopUp(client, gateway);
          const returned = await sendCallback(await decideOnGatewayPage(redirectUrl, "cancel"));
          expect(returned.status).toBe(303);
          expect(returned.result.get("status")).toBe("CANCELLED");
          expect(await balanceOf(client)).toBe("0");
          const { node } = await client.PaymentNode({ id: payment.id });
          expect(node).toMatchObject({ id: payment.id, status: state });
        },
      );

      it("credits a callback replayed 20 times in parallel exactly once, and each replay still lands on the result page", async () => {
        const client = await customer();
        const { payment, redirectUrl } = await startTopUp(client, "IDPAY", "2000000");
        const callback = await decideOnGatewayPage(redirectUrl, "pay");
        const answers = await Promise.all(Array.from({ length: 20 }, () => sendCallback(callback)));
        for (const answer of answers) {
          expect(answer.status).toBe(303);
          expect(answer.result.get("status")).toBe("PAID");
          expect(answer.result.get("payment")).toBe(payment.id);
        }
        const again = await sendCallback(callback);
        expect(again.result.get("status")).toBe("PAID");
        const { viewer } = await client.WalletEntries({ first: 10 });
        expect(viewer!.wallet.balance).toBe("2000000");
        expect(viewer!.wallet.entries.edges).toHaveLength(1);
        expect(t.loggedErrors).toEqual([]);
      });

      it("answers a forged or tampered callback with the result page and credits nothing", async () => {
        const client = await customer();
        const { redirectUrl } = await startTopUp(client, "IDPAY", "3000000");
        const real = await decideOnGatewayPage(redirectUrl, "pay");
        const forgeries: CallbackRequest[] = [
          {
            method: "GET",
            url: `${t.origin}/payments/zarinpal/callback?Authority=A${"0".repeat(35)}&Status=OK`,
          },
          { method: "GET", url: `${t.origin}/payments/zarinpal/callback` },
          { method: "POST", url: real.url, form: { ...real.form, amount: "300000000" } },
          { method: "POST", url: real.url, form: { ...real.form, order_id: randomUUID() } },
          {
            method: "POST",
            url: real.url,
            form: { status: "10", id: "f".repeat(32), order_id: "x", amount: "1000" },
          },
          { method: "POST", url: real.url, form: {} },
        ];
        for (const forged of forgeries) {
          const answer = await sendCallback(forged);
          expect(answer.status).toBe(303);
          expect(answer.result.get("status")).toBe("FAILED");
          expect(answer.result.has("payment")).toBe(false);
        }
        expect(await balanceOf(client)).toBe("0");
        // The real callback still works afterwards: the forgeries changed nothing.
        expect((await sendCallback(real)).result.get("status")).toBe("PAID");
        expect(await balanceOf(client)).toBe("3000000");
      });

      it("refuses another user's payment: node() is null, and it is not in their list", async () => {
        const owner = await customer();
        const other = await customer();
        const { payment } = await startTopUp(owner, "ZARINPAL");
        expect((await owner.PaymentNode({ id: payment.id })).node).toMatchObject({ id: payment.id });
        expect((await other.PaymentNode({ id: payment.id })).node).toBeNull();
        expect((await other.Payments({ first: 10 })).payments.edges).toEqual([]);
        const anonymous = createTestSdk(t.app.url);
        expect((await anonymous.PaymentNode({ id: payment.id })).node).toBeNull();
      });

      it.each([
        ["0", "AMOUNT_TOO_SMALL"],
        ["-5000000", "AMOUNT_TOO_SMALL"],
        ["abc", "INVALID_AMOUNT"],
        ["12.5", "INVALID_AMOUNT"],
        ["", "INVALID_AMOUNT"],
        ["600000000", "AMOUNT_TOO_LARGE"],
        ["9223372036854775808", "AMOUNT_TOO_LARGE"],
        ["99999999999999999999999999999999", "AMOUNT_TOO_LARGE"],
      ])("answers the amount %j with userErrors %s, and opens no payment", async (amount, code) => {
        const client = await customer();
        const { startTopUp } = await client.StartTopUp({
          input: { amount, gateway: "ZARINPAL", idempotencyKey: randomUUID() },
        });
        expect(startTopUp.payment).toBeNull();
        expect(startTopUp.userErrors).toEqual([
          { field: ["input", "amount"], code, message: expect.any(String) },
        ]);
        expect((await client.Payments({ first: 10 })).payments.edges).toEqual([]);
      });

      it("refuses a JSON number as an amount at the document level: Rial is a string", async () => {
        const client = await customer();
        const error = await rejectionOf(
          client.StartTopUp({
            input: {
              amount: 5000000 as unknown as string,
              gateway: "ZARINPAL",
              idempotencyKey: randomUUID(),
            },
          }),
        );
        expect(error.codes).toEqual(["BAD_USER_INPUT"]);
      });

      it("answers a repeated idempotency key with the first payment, and another input with IDEMPOTENCY_KEY_REUSED", async () => {
        const client = await customer();
        const idempotencyKey = randomUUID();
        const input = { amount: "1000000", gateway: "IDPAY" as const, idempotencyKey };
        const first = (await client.StartTopUp({ input })).startTopUp;
        const again = (await client.StartTopUp({ input })).startTopUp;
        expect(again.payment!.id).toBe(first.payment!.id);
        expect(again.redirectUrl).toBe(first.redirectUrl);
        const other = (await client.StartTopUp({ input: { ...input, amount: "2000000" } })).startTopUp;
        expect(other.payment).toBeNull();
        expect(other.userErrors.map((e) => e.code)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
        expect((await client.Payments({ first: 10 })).payments.edges).toHaveLength(1);
      });

      it("answers GATEWAY_UNAVAILABLE when the gateway is down, in Persian when asked, and charges nothing", async () => {
        t.simulators.zarinpal.faults.set({ serverErrorRate: 1, operations: ["request"] });
        const client = createTestSdk(t.app.url, { headers: { "accept-language": "fa" } });
        await client.RegisterUser({
          input: { email: `down-${randomUUID()}@example.com`, password: PASSWORD },
        });
        const { startTopUp } = await client.StartTopUp({
          input: { amount: "5000000", gateway: "ZARINPAL", idempotencyKey: randomUUID() },
        });
        expect(startTopUp.userErrors).toEqual([
          {
            field: ["input", "gateway"],
            code: "GATEWAY_UNAVAILABLE",
            message: expect.stringContaining("درگاه"),
          },
        ]);
        const { payments } = await client.Payments({ first: 5 });
        expect(payments.edges.map((edge) => edge.node.status)).toEqual(["FAILED"]);
        expect(await balanceOf(client)).toBe("0");
      });

      it("pages payments newest first with opaque cursors, forwards with first/after and backwards with last/before", async () => {
        const client = await customer();
        const ids: string[] = [];
        for (let i = 0; i < 3; i++)
          ids.push((await startTopUp(client, "IDPAY", `${1_000_000 + i}`)).payment.id);
        const first = (await client.Payments({ first: 2 })).payments;
        expect(first.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1]]);
        expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
        const rest = (await client.Payments({ first: 2, after: first.pageInfo.endCursor })).payments;
        expect(rest.edges.map((edge) => edge.node.id)).toEqual([ids[0]]);
        expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

        const oldest = (await client.Payments({ last: 2 })).payments;
        expect(oldest.edges.map((edge) => edge.node.id)).toEqual([ids[1], ids[0]]);
        expect(oldest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
        const newer = (await client.Payments({ last: 2, before: oldest.pageInfo.startCursor })).payments;
        expect(newer.edges.map((edge) => edge.node.id)).toEqual([ids[2]]);
        expect(newer.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
        // A forward cursor works backwards too: the one newer than the second-newest.
        const back = (await client.Payments({ last: 5, before: first.edges[1]!.cursor })).payments;
        expect(back.edges.map((edge) => edge.node.id)).toEqual([ids[2]]);

        for (const args of [
          { first: 2, last: 2 },
          { first: 2, after: "garbage!" },
          { last: 2, before: "garbage!" },
          { first: 0 },
          { last: 0 },
          { last: 101 },
          { first: 2, before: first.pageInfo.startCursor },
          { last: 2, after: first.pageInfo.endCursor },
          {},
        ]) {
          expect((await rejectionOf(client.Payments(args))).codes).toEqual(["BAD_USER_INPUT"]);
        }
      });

      it("pages a wallet's ledger entries backwards with last/before", async () => {
        const client = await customer();
        for (const amount of ["1000000", "2000000", "3000000"]) {
          const { redirectUrl } = await startTopUp(client, "ZARINPAL", amount);
          await sendCallback(await decideOnGatewayPage(redirectUrl, "pay"));
        }
        const amountsOf = (page: { edges: { node: { amount: string } }[] }) =>
          page.edges.map((edge) => edge.node.amount);
        const oldest = (await client.WalletEntries({ last: 2 })).viewer!.wallet.entries;
        expect(amountsOf(oldest)).toEqual(["2000000", "1000000"]);
        expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
        const newer = (await client.WalletEntries({ last: 2, before: oldest.pageInfo.startCursor })).viewer!
          .wallet.entries;
        expect(amountsOf(newer)).toEqual(["3000000"]);
        expect(newer.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
        expect((await rejectionOf(client.WalletEntries({ first: 1, last: 1 }))).codes).toEqual([
          "BAD_USER_INPUT",
        ]);
      });

      it("serves the result page with every value escaped", async () => {
        const page = await fetch(
          `${t.origin}/payments/result?status=%3Cscript%3E&payment=%3Cimg%20src%3Dx%3E`,
        );
        const html = await page.text();
        expect(page.headers.get("content-type")).toMatch(/^text\/html/);
        expect(html).not.toContain("<img");
        expect(html).toContain("&lt;img src=x&gt;");
      });
    },
  );
}
