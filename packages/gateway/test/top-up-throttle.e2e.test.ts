import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const LIMIT = 3;

/** Each startTopUp is a request to Zarinpal or IDPay: one user may not fire hundreds of them. */
for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`startTopUp throttle on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database, {
        TOP_UP_STARTS_PER_WINDOW: String(LIMIT),
        TOP_UP_START_WINDOW_SECONDS: "600",
      });
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    async function customer(): Promise<TestSdkClient> {
      const client = createTestSdk(t.app.url);
      const { registerUser } = await client.RegisterUser({
        input: { email: `burst-${randomUUID()}@example.com`, password: "correct horse battery" },
      });
      expect(registerUser.userErrors).toEqual([]);
      return client;
    }

    const start = (client: TestSdkClient) =>
      client.StartTopUp({ input: { amount: "2000000", gateway: "IDPAY", idempotencyKey: randomUUID() } });

    it("lets a user's first starts through and refuses the rest with TOO_MANY_TOP_UPS and retryAfterSeconds; others are unaffected", async () => {
      const payer = await customer();
      const requestsBefore = t.simulators.idpay.payments.list().length;
      const answers = await Promise.all(Array.from({ length: 10 }, () => start(payer)));
      const opened = answers.filter((a) => a.startTopUp.payment !== null);
      const refused = answers.filter((a) => a.startTopUp.userErrors[0]?.code === "TOO_MANY_TOP_UPS");
      expect(opened).toHaveLength(LIMIT);
      expect(refused).toHaveLength(10 - LIMIT);
      for (const { startTopUp } of refused) {
        expect(startTopUp).toMatchObject({ payment: null, redirectUrl: null });
        expect(startTopUp.retryAfterSeconds).toBeGreaterThan(0);
        expect(startTopUp.retryAfterSeconds).toBeLessThanOrEqual(600);
        expect(startTopUp.userErrors).toEqual([
          { field: null, code: "TOO_MANY_TOP_UPS", message: expect.stringContaining("try again") },
        ]);
      }
      for (const { startTopUp } of opened) expect(startTopUp.retryAfterSeconds).toBeNull();
      // Only the accepted starts reached the gateway, and only they left a payment.
      expect(t.simulators.idpay.payments.list().length - requestsBefore).toBe(LIMIT);
      expect((await payer.Payments({ first: 20 })).payments.edges).toHaveLength(LIMIT);

      const other = await customer();
      expect((await start(other)).startTopUp.userErrors).toEqual([]);
      expect((await start(payer)).startTopUp.userErrors.map((e) => e.code)).toEqual(["TOO_MANY_TOP_UPS"]);
    });
  });
}
