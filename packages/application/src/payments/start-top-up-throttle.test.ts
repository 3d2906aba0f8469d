import { afterEach, describe, expect, it } from "vitest";
import { assertKitLedgersBalanced, walletTestKit } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

describe("startTopUp throttle", () => {
  it("refuses the (N+1)th start in the window with TOO_MANY_TOP_UPS and a retry hint, per user", async () => {
    const kit = walletTestKit({ topUpStartsPerWindow: 3, topUpStartWindowSeconds: 600 });
    const payer = await kit.user();
    const other = await kit.user();
    const start = (ctx: typeof payer.ctx, key: string) =>
      kit.useCases.startTopUp({ amount: "250000", gateway: "IDPAY", idempotencyKey: key }, ctx);

    for (const key of ["k-1", "k-2", "k-3"]) expect((await start(payer.ctx, key)).ok).toBe(true);
    kit.clock.advance(120);
    const refused = await start(payer.ctx, "k-4");
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "TOO_MANY_TOP_UPS", retryAfterSeconds: 480 },
    });
    // Nothing reached the gateway and nothing was written for the refused start.
    expect(kit.idpay.calls.request).toBe(3);
    expect(kit.payments.rows.size).toBe(3);

    expect((await start(other.ctx, "k-1")).ok).toBe(true);

    kit.clock.advance(480);
    expect((await start(payer.ctx, "k-4")).ok).toBe(true);
  });

  it("lets exactly the limit through when starts arrive at once", async () => {
    const kit = walletTestKit({ topUpStartsPerWindow: 5, topUpStartWindowSeconds: 600 });
    const payer = await kit.user();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        kit.useCases.startTopUp(
          { amount: "250000", gateway: "ZARINPAL", idempotencyKey: `k-${i}` },
          payer.ctx,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error.code === "TOO_MANY_TOP_UPS")).toHaveLength(15);
    expect(kit.zarinpal.calls.request).toBe(5);
  });
});
