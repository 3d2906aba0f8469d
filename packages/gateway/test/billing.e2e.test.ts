import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestSdk, rejectionOf } from "./support/sdk-client.ts";
import { useWalletAppWithAdmin } from "./support/wallet-app-rig.ts";

const PASSWORD = "correct horse battery";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`billing over GraphQL on ${target.name}`, () => {
    const rig = useWalletAppWithAdmin(target, PASSWORD);

    it("shows a new server's usage growing from the clock before anything is settled, the wallet's runway, and an audited waiver", async () => {
      const client = createTestSdk(rig.t.app.url);
      const { registerUser } = await client.RegisterUser({
        input: { email: `c-${randomUUID()}@example.com`, password: PASSWORD },
      });
      const userId = registerUser.user!.id;
      await rig.admin.AdjustWallet({
        input: { userId, amount: "50000000", reason: "test funds", idempotencyKey: randomUUID() },
      });
      const { wallet: idle } = (await client.Wallet()).viewer!;
      expect(idle).toEqual({ balance: "50000000", runsOutAt: null });

      const plan = (await client.Plans({ regionId: "hz-fsn1" })).plans.find((p) => p.id === "hz-cx22")!;
      const { orderServer } = await client.OrderServer({
        input: {
          name: "web-1",
          planId: plan.id,
          regionId: "hz-fsn1",
          imageId: "ubuntu-24.04",
          idempotencyKey: randomUUID(),
        },
      });
      expect(orderServer.userErrors).toEqual([]);
      const serverId = orderServer.server!.id;

      // Accrual is computed from the clock: it shows before any settlement, as soon as a rial accrued.
      let usage = (await client.ServerUsage({ id: serverId })).server!.usage;
      expect(usage).toMatchObject({ ratePerHourRials: plan.hourlyPrice, monthCapRials: plan.monthlyPrice });
      expect(Date.parse(usage.periodStart)).toBeLessThanOrEqual(Date.now());
      await expect
        .poll(
          async () =>
            BigInt((usage = (await client.ServerUsage({ id: serverId })).server!.usage).accruedRials),
          {
            timeout: 30_000,
            interval: 100,
          },
        )
        .toBeGreaterThan(0n);

      // Balance less the prepaid first hour, spent at the plan's rate plus 10 % VAT (the default),
      // plus what is left of that hour.
      const { wallet } = (await client.Wallet()).viewer!;
      expect(BigInt(wallet.balance)).toBe(50_000_000n - BigInt(plan.hourlyPrice));
      const hoursLeft = Number((BigInt(wallet.balance) * 10n) / (BigInt(plan.hourlyPrice) * 11n));
      const runsOutAt = Date.parse(wallet.runsOutAt!);
      expect(runsOutAt).toBeGreaterThan(Date.now() + hoursLeft * 3_600_000);
      expect(runsOutAt).toBeLessThanOrEqual(Date.now() + (hoursLeft + 2) * 3_600_000);

      // Only an administrator waives, never more than accrued, and it is on the statement and the audit log.
      const input = { serverId, amount: "1", reason: "slow provisioning", idempotencyKey: randomUUID() };
      expect((await rejectionOf(client.WaiveUsage({ input }))).codes).toEqual(["FORBIDDEN"]);
      const tooMuch = await rig.admin.WaiveUsage({ input: { ...input, amount: plan.monthlyPrice } });
      expect(tooMuch.waiveUsage.userErrors.map((e) => e.code)).toEqual(["AMOUNT_EXCEEDS_USAGE"]);
      const waived = await rig.admin.WaiveUsage({ input });
      expect(waived.waiveUsage).toEqual({
        wallet: { balance: (BigInt(wallet.balance) + 1n).toString() },
        userErrors: [],
      });
      const { auditEvents } = await rig.admin.AuditEvents({ first: 5, subjectId: userId });
      expect(auditEvents.edges.map((edge) => edge.node.action)).toContain("USAGE_WAIVED");
    });
  });
}
