import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSdk } from "./support/sdk-client.ts";
import { decideOnGatewayPage, sendCallback, startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const persianDigits = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`the statement's description on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    it("describes a top-up in the caller's language: English as its reason, Persian from its payment", async () => {
      const persian = createTestSdk(t.app.url, { headers: { "accept-language": "fa" } });
      const { registerUser } = await persian.RegisterUser({
        input: { email: `described-${randomUUID()}@example.com`, password: "correct horse battery" },
      });
      const english = createTestSdk(t.app.url, { bearer: registerUser.session!.accessToken });
      const { startTopUp } = await persian.StartTopUp({
        input: { amount: "5000000", gateway: "ZARINPAL", idempotencyKey: randomUUID() },
      });
      await sendCallback(await decideOnGatewayPage(startTopUp.redirectUrl!, "pay"));
      const referenceId = (await english.Payments({ first: 1 })).payments.edges[0]!.node.referenceId!;

      const inEnglish = (await english.WalletEntries({ first: 1 })).viewer!.wallet.entries.edges[0]!.node;
      expect(inEnglish.description).toBe(`Top-up through ZARINPAL, bank reference ${referenceId}`);
      expect(inEnglish.description).toBe(inEnglish.reason);
      const inPersian = (await persian.WalletEntries({ first: 1 })).viewer!.wallet.entries.edges[0]!.node;
      expect(inPersian.description).toBe(
        `افزایش موجودی با زرین‌پال، شمارهٔ پیگیری بانک ${persianDigits(referenceId)}`,
      );
      expect(inPersian.reason).toBe(inEnglish.reason);
      await Promise.all([persian.dispose(), english.dispose()]);
    });
  });
}
