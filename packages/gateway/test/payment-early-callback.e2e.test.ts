import type { RequestContext, WalletUseCases } from "@peykarband/application";
import type { PaymentGatewayName } from "@peykarband/domain";
import {
  DrizzlePaymentRepository,
  openJobQueue,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import { expectLedgerBalanced, testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { composeAccountAdapters } from "../src/composition/compose-accounts.ts";
import { composeWallet, type WalletComposition } from "../src/composition/compose-wallet.ts";
import { fromGlobalId } from "../src/schema/node/global-id.ts";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import {
  decideOnGatewayPage,
  sendCallback,
  startWalletApp,
  type CallbackRequest,
  type WalletApp,
} from "./support/wallet-app.ts";

const SYSTEM: RequestContext = { requestId: "reconcile", ip: null, userAgent: null, viewer: null };
const AMOUNT = "4000000";

/**
 * A callback with a real authority, sent before the payer has paid, must not end the payment: the
 * payer then pays, and the wallet is credited once, through the callback or reconciliation. And a
 * payment that did end FAILED recently is credited by reconciliation if the gateway says paid.
 */
for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`early and forged callbacks on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    let queue: JobQueue;
    let worker: WalletComposition;
    let wallet: WalletUseCases;
    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      // The worker's reconciliation, a second composition on the same database and simulators.
      queue = await openJobQueue(database, { role: "producer", onError: () => undefined });
      worker = await composeWallet(
        t.config,
        database,
        composeAccountAdapters(database, t.config),
        queue,
        { paymentSimulators: t.simulators },
        t.origin,
      );
      wallet = worker.useCases;
    });
    afterEach(() => expectLedgerBalanced(database.db));
    afterAll(async () => {
      await worker?.close();
      await queue?.stop({ timeoutMs: 1000 });
      await t?.close();
      await database?.close();
    });

    async function topUp(gateway: PaymentGatewayName) {
      const client = createTestSdk(t.app.url);
      await client.RegisterUser({
        input: { email: `early-${randomUUID()}@example.com`, password: "correct horse battery" },
      });
      const { startTopUp } = await client.StartTopUp({
        input: { amount: AMOUNT, gateway, idempotencyKey: randomUUID() },
      });
      expect(startTopUp.userErrors).toEqual([]);
      const redirectUrl = startTopUp.redirectUrl!;
      const authority = new URL(redirectUrl).pathname.split("/").pop()!;
      const paymentId = fromGlobalId(startTopUp.payment!.id)!.key;
      return { client, graphId: startTopUp.payment!.id, paymentId, redirectUrl, authority };
    }

    /** What anyone who saw the payment page's address can send before paying. */
    function earlyCallback(
      gateway: PaymentGatewayName,
      authority: string,
      paymentId: string,
    ): CallbackRequest {
      return gateway === "ZARINPAL"
        ? { method: "GET", url: `${t.origin}/payments/zarinpal/callback?Authority=${authority}&Status=OK` }
        : {
            method: "POST",
            url: `${t.origin}/payments/idpay/callback`,
            form: { status: "10", track_id: "1", id: authority, order_id: paymentId },
          };
    }

    const statusOf = async (client: TestSdkClient, id: string) =>
      ((await client.PaymentNode({ id })).node as { status: string } | null)?.status;
    const balanceOf = async (client: TestSdkClient) => (await client.Wallet()).viewer!.wallet.balance;

    it.each(["ZARINPAL", "IDPAY"] as const)(
      "a %s callback sent before paying leaves the payment PENDING; the real callback then credits once",
      async (gateway) => {
        const { client, graphId, paymentId, redirectUrl, authority } = await topUp(gateway);
        const early = await sendCallback(earlyCallback(gateway, authority, paymentId));
        expect(early.status).toBe(303);
        expect(early.result.get("status")).toBe("FAILED");
        expect(await statusOf(client, graphId)).toBe("PENDING");

        const real = await decideOnGatewayPage(redirectUrl, "pay");
        expect((await sendCallback(real)).result.get("status")).toBe("PAID");
        expect((await sendCallback(earlyCallback(gateway, authority, paymentId))).result.get("status")).toBe(
          "PAID",
        );
        expect(await wallet.reconcilePendingPayments({ olderThanSeconds: 0 }, SYSTEM)).toMatchObject({
          credited: 0,
          creditedLate: 0,
        });
        expect(await statusOf(client, graphId)).toBe("PAID");
        expect(await balanceOf(client)).toBe(AMOUNT);
        expect((await client.WalletEntries({ first: 10 })).viewer!.wallet.entries.edges).toHaveLength(1);
      },
    );

    it.each(["ZARINPAL", "IDPAY"] as const)(
      "a %s payment paid after an early callback, whose browser never returns, is credited once by reconciliation",
      async (gateway) => {
        const { client, graphId, paymentId, redirectUrl, authority } = await topUp(gateway);
        await sendCallback(earlyCallback(gateway, authority, paymentId));
        await decideOnGatewayPage(redirectUrl, "pay");
        const runs = await Promise.all(
          [1, 2].map(() => wallet.reconcilePendingPayments({ olderThanSeconds: 0 }, SYSTEM)),
        );
        expect(runs.reduce((n, r) => n + r.credited, 0)).toBe(1);
        expect(await statusOf(client, graphId)).toBe("PAID");
        expect(await balanceOf(client)).toBe(AMOUNT);
      },
    );

    it.each(["ZARINPAL", "IDPAY"] as const)(
      "reconciliation credits a recently FAILED %s payment the gateway reports paid, once; a truly failed one stays FAILED",
      async (gateway) => {
        const payments = new DrizzlePaymentRepository(database.db, queue);
        const late = await topUp(gateway);
        const unpaid = await topUp(gateway);
        // Ended before their payers decided, as a forged early callback used to end them.
        for (const { paymentId } of [late, unpaid]) {
          await payments.settle(paymentId, { status: "FAILED", reason: "NOT_PAID", at: new Date() });
        }
        const real = await decideOnGatewayPage(late.redirectUrl, "pay");
        await decideOnGatewayPage(unpaid.redirectUrl, "cancel");
        // The returning browser is answered from our records; the payment is still ours to fix.
        expect((await sendCallback(real)).result.get("status")).toBe("FAILED");

        const runs = await Promise.all([1, 2].map(() => wallet.reconcilePendingPayments({}, SYSTEM)));
        expect(runs.reduce((n, r) => n + r.creditedLate, 0)).toBe(1);
        expect(await statusOf(late.client, late.graphId)).toBe("PAID");
        expect(await balanceOf(late.client)).toBe(AMOUNT);
        expect(await statusOf(unpaid.client, unpaid.graphId)).toBe("FAILED");
        expect(await balanceOf(unpaid.client)).toBe("0");

        expect((await wallet.reconcilePendingPayments({}, SYSTEM)).creditedLate).toBe(0);
        expect(await balanceOf(late.client)).toBe(AMOUNT);
        expect((await sendCallback(real)).result.get("status")).toBe("PAID");
      },
    );
  });
}
