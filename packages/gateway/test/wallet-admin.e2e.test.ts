import type { Database } from "@peykarband/infrastructure";
import { expectLedgerBalanced, testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { stepUpSession } from "./support/step-up.ts";
import { createTestSdk, rejectionOf, type TestSdkClient } from "./support/sdk-client.ts";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const PASSWORD = "correct horse battery";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`adjustWallet on ${target.name}`, () => {
    let database: Database;
    let t: WalletApp;
    let admin: TestSdkClient;
    let adminId: string;
    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      await createAdmin(t.config, { email: "root@example.com", password: PASSWORD }, database);
      admin = createTestSdk(t.app.url);
      const { logIn } = await admin.LogIn({ input: { email: "root@example.com", password: PASSWORD } });
      adminId = logIn.session!.user.id;
      await stepUpSession(t.app.url, logIn.session!.accessToken, PASSWORD);
    });
    afterEach(() => expectLedgerBalanced(database.db));
    afterAll(async () => {
      await t?.close();
      await database?.close();
    });

    async function customer() {
      const client = createTestSdk(t.app.url);
      const { registerUser } = await client.RegisterUser({
        input: { email: `c-${randomUUID()}@example.com`, password: PASSWORD },
      });
      return { client, id: registerUser.user!.id };
    }

    const adjust = (
      userId: string,
      amount: string,
      idempotencyKey = randomUUID(),
      reason = "goodwill credit",
    ) =>
      admin.AdjustWallet({ input: { userId, amount, reason, idempotencyKey } }).then((r) => r.adjustWallet);

    it("credits and debits a wallet with a reason, on the statement and in the audit log", async () => {
      const { client, id } = await customer();
      expect(await adjust(id, "2500000")).toEqual({ wallet: { balance: "2500000" }, userErrors: [] });
      expect(await adjust(id, "-500000", randomUUID(), "correction")).toEqual({
        wallet: { balance: "2000000" },
        userErrors: [],
      });
      const { viewer } = await client.WalletEntries({ first: 10 });
      expect(viewer!.wallet.balance).toBe("2000000");
      expect(
        viewer!.wallet.entries.edges.map((edge) => [edge.node.kind, edge.node.amount, edge.node.reason]),
      ).toEqual([
        ["ADMIN_DEBIT", "-500000", "correction"],
        ["ADMIN_CREDIT", "2500000", "goodwill credit"],
      ]);
      const { auditEvents } = await admin.AuditEvents({ first: 10, subjectId: id });
      const actions = auditEvents.edges.map((edge) => edge.node);
      expect(actions.map((event) => event.action)).toEqual(
        expect.arrayContaining(["WALLET_CREDITED_BY_ADMIN", "WALLET_DEBITED_BY_ADMIN"]),
      );
      const credit = actions.find((event) => event.action === "WALLET_CREDITED_BY_ADMIN")!;
      expect(credit.actor?.id).toBe(adminId);
      expect(credit.details).toEqual(expect.arrayContaining([{ key: "amount", value: "2500000" }]));
    });

    it("answers with userErrors: overdraft, own wallet, bad amounts, unknown user, reused key", async () => {
      const { id } = await customer();
      const codes = async (call: ReturnType<typeof adjust>) => (await call).userErrors.map((e) => e.code);
      expect(await codes(adjust(id, "-1"))).toEqual(["INSUFFICIENT_FUNDS"]);
      expect(await codes(adjust(adminId, "1000"))).toEqual(["CANNOT_ADJUST_OWN_WALLET"]);
      expect(await codes(adjust(id, "abc"))).toEqual(["INVALID_AMOUNT"]);
      expect(await codes(adjust(id, "0"))).toEqual(["INVALID_AMOUNT"]);
      expect(await codes(adjust(id, "9223372036854775808"))).toEqual(["AMOUNT_TOO_LARGE"]);
      expect(await codes(adjust(id, "1000", randomUUID(), " "))).toEqual(["INVALID_REASON"]);
      expect(await codes(adjust("bm90LWFuLWlk", "1000"))).toEqual(["USER_NOT_FOUND"]);
      const key = randomUUID();
      expect((await adjust(id, "1000", key)).wallet).toEqual({ balance: "1000" });
      expect((await adjust(id, "1000", key)).wallet).toEqual({ balance: "1000" });
      expect(await codes(adjust(id, "2000", key))).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    });

    it("is refused to customers and anonymous callers as a top-level error", async () => {
      const { client, id } = await customer();
      const input = { userId: id, amount: "1000", reason: "mine", idempotencyKey: randomUUID() };
      expect((await rejectionOf(client.AdjustWallet({ input }))).codes).toEqual(["FORBIDDEN"]);
      expect((await rejectionOf(createTestSdk(t.app.url).AdjustWallet({ input }))).codes).toEqual([
        "UNAUTHENTICATED",
      ]);
    });
  });
}
