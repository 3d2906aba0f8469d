import { afterEach, describe, expect, it } from "vitest";
import { anonymous } from "../testing/account-test-kit.ts";
import { assertKitLedgersBalanced, walletTestKit } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

async function twoCustomersWithPayments() {
  const kit = walletTestKit();
  const sara = await kit.user();
  const reza = await kit.user();
  for (let i = 0; i < 3; i++) {
    await kit.useCases.startTopUp(
      { amount: `${10_000 + i}`, gateway: "IDPAY", idempotencyKey: `s-${i}` },
      sara.ctx,
    );
    kit.clock.advance(1);
  }
  await kit.useCases.startTopUp({ amount: "20000", gateway: "IDPAY", idempotencyKey: "r-1" }, reza.ctx);
  return { ...kit, sara, reza };
}

describe("payments and findPayment", () => {
  it("lists the viewer's own payments, newest first, by keyset pages", async () => {
    const kit = await twoCustomersWithPayments();
    const first = await kit.useCases.payments({ first: 2 }, kit.sara.ctx);
    expect(first.payments.map((p) => p.amount.toString())).toEqual(["10002", "10001"]);
    expect(first.hasMore).toBe(true);
    const next = await kit.useCases.payments({ first: 2, after: first.payments[1] }, kit.sara.ctx);
    expect(next.payments.map((p) => p.amount.toString())).toEqual(["10000"]);
    expect(next.hasMore).toBe(false);
  });

  it("pages backwards with last and before, each page still newest first", async () => {
    const kit = await twoCustomersWithPayments();
    const oldest = await kit.useCases.payments({ last: 2 }, kit.sara.ctx);
    expect(oldest.payments.map((p) => p.amount.toString())).toEqual(["10001", "10000"]);
    expect(oldest.hasMore).toBe(true);
    const newer = await kit.useCases.payments({ last: 2, before: oldest.payments[0] }, kit.sara.ctx);
    expect(newer.payments.map((p) => p.amount.toString())).toEqual(["10002"]);
    expect(newer.hasMore).toBe(false);
    // Sizes beyond 1..100 are clamped here; the API refuses them before they arrive.
    const all = await kit.useCases.payments({ last: 500 }, kit.sara.ctx);
    expect(all.payments).toHaveLength(3);
    expect((await kit.useCases.payments({ last: 0 }, kit.sara.ctx)).payments).toHaveLength(1);
  });

  it("shows someone else's payments only to staff", async () => {
    const kit = await twoCustomersWithPayments();
    const hidden = await kit.useCases.payments({ first: 10, userId: kit.reza.id }, kit.sara.ctx);
    expect(hidden).toMatchObject({ payments: [], hasMore: false });
    expect(await hidden.countAll()).toBe(0);
    const support = await kit.user("SUPPORT");
    const seen = await kit.useCases.payments({ first: 10, userId: kit.reza.id }, support.ctx);
    expect(seen.payments.map((p) => p.userId)).toEqual([kit.reza.id]);
    expect(await seen.countAll()).toBe(1);

    const rezasPayment = seen.payments[0]!;
    expect(await kit.useCases.findPayment(rezasPayment.id, kit.sara.ctx)).toBeNull();
    expect(await kit.useCases.findPayment(rezasPayment.id, kit.reza.ctx)).toMatchObject({
      id: rezasPayment.id,
    });
    expect(await kit.useCases.findPayment(rezasPayment.id, support.ctx)).not.toBeNull();
    await expect(kit.useCases.payments({ first: 10 }, anonymous())).rejects.toMatchObject({
      reason: "UNAUTHENTICATED",
    });
  });
});
