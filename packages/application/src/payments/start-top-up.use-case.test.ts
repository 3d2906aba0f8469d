import { Rial } from "@peykarband/domain";
import { afterEach, describe, expect, it } from "vitest";
import { anonymous } from "../testing/account-test-kit.ts";
import type { FakeGatewayMode } from "../testing/fake-payment-gateway.ts";
import { assertKitLedgersBalanced, walletTestKit } from "../testing/wallet-test-kit.ts";
import { createWalletUseCases } from "../wallet/wallet-use-cases.ts";

afterEach(assertKitLedgersBalanced);

async function setup() {
  const kit = walletTestKit();
  const customer = await kit.user();
  return { ...kit, customer };
}

describe("startTopUp", () => {
  it("opens a PENDING payment with the gateway's session and page", async () => {
    const kit = await setup();
    const result = await kit.useCases.startTopUp(
      { amount: "250000", gateway: "ZARINPAL", idempotencyKey: "k-1" },
      kit.customer.ctx,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        payment: {
          status: "PENDING",
          userId: kit.customer.id,
          gateway: "ZARINPAL",
          amount: { amount: 250_000n },
        },
        redirectUrl: expect.stringMatching(/^https:\/\/sandbox\.zarinpal\.com\/pg\/StartPay\/S\w{35}$/),
      },
    });
    if (!result.ok) return;
    expect(result.value.payment.authority).toMatch(/^S\w{35}$/);
    const session = kit.zarinpal.sessions.get(result.value.payment.authority!);
    expect(session).toMatchObject({ orderId: result.value.payment.id, amount: { amount: 250_000n } });
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("0");
  });

  it.each([
    ["0", "AMOUNT_TOO_SMALL"],
    ["-250000", "AMOUNT_TOO_SMALL"],
    ["500", "AMOUNT_TOO_SMALL"],
    ["ten thousand", "INVALID_AMOUNT"],
    ["25000.5", "INVALID_AMOUNT"],
    ["500000001", "AMOUNT_TOO_LARGE"],
    [(2n ** 63n).toString(), "AMOUNT_TOO_LARGE"],
    [(2n ** 64n).toString(), "AMOUNT_TOO_LARGE"],
  ])("refuses the amount %j with %s and opens nothing", async (amount, code) => {
    const kit = await setup();
    const result = await kit.useCases.startTopUp(
      { amount, gateway: "IDPAY", idempotencyKey: "k" },
      kit.customer.ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code, field: ["amount"] } });
    expect(kit.payments.rows.size).toBe(0);
    expect(kit.idpay.calls.request).toBe(0);
  });

  it("says GATEWAY_NOT_CONFIGURED for a gateway this deployment has no credentials for, and opens nothing", async () => {
    const kit = await setup();
    const onlyZarinpal = createWalletUseCases({ ...kit.deps, gateways: { ZARINPAL: kit.zarinpal } });
    const result = await onlyZarinpal.startTopUp(
      { amount: "250000", gateway: "IDPAY", idempotencyKey: "k-1" },
      kit.customer.ctx,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "GATEWAY_NOT_CONFIGURED",
        field: ["gateway"],
        message: expect.stringContaining("IDPAY"),
      },
    });
    expect(kit.payments.rows.size).toBe(0);
    expect(kit.idpay.calls.request).toBe(0);
  });

  it("applies the configured ceiling below the gateway's maximum", async () => {
    const kit = walletTestKit({ topUpCeiling: Rial.of(100_000n) });
    const { ctx } = await kit.user();
    expect(
      await kit.useCases.startTopUp({ amount: "100001", gateway: "IDPAY", idempotencyKey: "k" }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: "AMOUNT_TOO_LARGE", message: expect.stringContaining("100000") },
    });
  });

  it("gives the first result for the same key and input, and refuses the key for another input", async () => {
    const kit = await setup();
    const input = { amount: "250000", gateway: "IDPAY" as const, idempotencyKey: "k-1" };
    const first = await kit.useCases.startTopUp(input, kit.customer.ctx);
    const again = await kit.useCases.startTopUp(input, kit.customer.ctx);
    expect(again).toEqual(first);
    expect(kit.idpay.calls.request).toBe(1);
    expect(await kit.useCases.startTopUp({ ...input, amount: "260000" }, kit.customer.ctx)).toMatchObject({
      ok: false,
      error: { code: "IDEMPOTENCY_KEY_REUSED", field: ["idempotencyKey"] },
    });
    expect(await kit.useCases.startTopUp({ ...input, gateway: "ZARINPAL" }, kit.customer.ctx)).toMatchObject({
      ok: false,
      error: { code: "IDEMPOTENCY_KEY_REUSED" },
    });
    // Keys belong to their user: someone else's same key is a new top-up.
    const other = await kit.user();
    expect(await kit.useCases.startTopUp(input, other.ctx)).toMatchObject({ ok: true });
    expect(kit.payments.rows.size).toBe(2);
  });

  it("opens one payment for the same key sent concurrently", async () => {
    const kit = await setup();
    const input = { amount: "250000", gateway: "ZARINPAL" as const, idempotencyKey: "k-1" };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => kit.useCases.startTopUp(input, kit.customer.ctx)),
    );
    expect(kit.payments.rows.size).toBe(1);
    expect(kit.zarinpal.calls.request).toBe(1);
    for (const r of results) {
      if (r.ok) expect(r.value.payment.id).toBe([...kit.payments.rows.keys()][0]);
      else expect(r.error.code).toBe("TOP_UP_IN_PROGRESS");
    }
    expect(results.some((r) => r.ok)).toBe(true);
  });

  it.each<FakeGatewayMode>(["DOWN", "SLOW", "GARBAGE", "REJECTED"])(
    "answers GATEWAY_UNAVAILABLE when the gateway is %s, with the payment FAILED and nothing credited",
    async (mode) => {
      const kit = await setup();
      kit.zarinpal.requestMode = mode;
      const input = { amount: "250000", gateway: "ZARINPAL" as const, idempotencyKey: "k-1" };
      const result = await kit.useCases.startTopUp(input, kit.customer.ctx);
      expect(result).toMatchObject({ ok: false, error: { code: "GATEWAY_UNAVAILABLE", field: ["gateway"] } });
      const [payment] = kit.payments.rows.values();
      expect(payment).toMatchObject({
        status: "FAILED",
        authority: null,
        failureReason: expect.stringMatching(/^GATEWAY_/),
      });
      expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("0");
      // The same key repeats the first answer; a new key tries again.
      kit.zarinpal.requestMode = "OK";
      expect(await kit.useCases.startTopUp(input, kit.customer.ctx)).toEqual(result);
      expect(
        await kit.useCases.startTopUp({ ...input, idempotencyKey: "k-2" }, kit.customer.ctx),
      ).toMatchObject({
        ok: true,
      });
    },
  );

  it("refuses bad idempotency keys and anonymous callers", async () => {
    const kit = await setup();
    for (const idempotencyKey of ["", "has space", "x".repeat(101), "کلید"]) {
      expect(
        await kit.useCases.startTopUp(
          { amount: "250000", gateway: "IDPAY", idempotencyKey },
          kit.customer.ctx,
        ),
      ).toMatchObject({ ok: false, error: { code: "INVALID_IDEMPOTENCY_KEY" } });
    }
    await expect(
      kit.useCases.startTopUp({ amount: "250000", gateway: "IDPAY", idempotencyKey: "k" }, anonymous()),
    ).rejects.toMatchObject({ reason: "UNAUTHENTICATED" });
  });
});
