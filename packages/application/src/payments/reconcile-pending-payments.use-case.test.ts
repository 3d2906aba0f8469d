import { newPayment, Rial, type PaymentGatewayName } from "@peykarband/domain";
import { afterEach, describe, expect, it } from "vitest";
import { assertKitLedgersBalanced, systemContext, walletTestKit } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

type Kit = ReturnType<typeof walletTestKit>;

async function openTopUp(kit: Kit, gateway: PaymentGatewayName, key: string) {
  const customer = await kit.user();
  const started = await kit.useCases.startTopUp(
    { amount: "250000", gateway, idempotencyKey: key },
    customer.ctx,
  );
  if (!started.ok) throw new Error(started.error.code);
  return { customer, payment: started.value.payment, authority: started.value.payment.authority! };
}

describe("reconcilePendingPayments", () => {
  it("credits a paid payment whose callback never came, exactly once with two runs at once", async () => {
    const kit = walletTestKit();
    const { customer, payment, authority } = await openTopUp(kit, "ZARINPAL", "k-1");
    kit.zarinpal.pay(authority);
    kit.clock.advance(3600);
    const [a, b] = await Promise.all([
      kit.useCases.reconcilePendingPayments({}, systemContext()),
      kit.useCases.reconcilePendingPayments({}, systemContext()),
    ]);
    expect(a.credited + b.credited).toBe(1);
    expect(a.failed + b.failed + a.stillPending + b.stillPending).toBe(0);
    expect(kit.payments.rows.get(payment.id)?.status).toBe("PAID");
    expect((await kit.ledger.balance(customer.id)).toString()).toBe("250000");
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({ examined: 0 });
  });

  it("credits every payment exactly once when the process dies between verify and commit, 20 times", async () => {
    const kit = walletTestKit();
    const opened = [];
    for (let i = 0; i < 20; i++) opened.push(await openTopUp(kit, i % 2 ? "IDPAY" : "ZARINPAL", `k-${i}`));
    for (const { payment, authority } of opened) {
      const fake = payment.gateway === "ZARINPAL" ? kit.zarinpal : kit.idpay;
      fake.pay(authority);
      kit.payments.crashNextSettles = 1;
      await expect(
        kit.useCases.handlePaymentCallback(
          { gateway: payment.gateway, authority, status: "OK" },
          systemContext(),
        ),
      ).rejects.toThrow("simulated crash");
      // The gateway has verified it; we have not committed.
      expect(kit.payments.rows.get(payment.id)?.status).toBe("PENDING");
    }
    expect(kit.ledger.transactions.size).toBe(0);

    kit.clock.advance(3600);
    const runs = await Promise.all(
      [1, 2, 3].map(() => kit.useCases.reconcilePendingPayments({}, systemContext())),
    );
    expect(runs.reduce((n, r) => n + r.credited, 0)).toBe(20);
    for (const { customer, payment } of opened) {
      expect(kit.payments.rows.get(payment.id)?.status).toBe("PAID");
      expect((await kit.ledger.balance(customer.id)).toString()).toBe("250000");
    }
    expect(kit.ledger.transactions.size).toBe(20);
  });

  it("leaves young payments alone: their payer may still be at the bank", async () => {
    const kit = walletTestKit({ reconcileAfterSeconds: 1800 });
    const { authority } = await openTopUp(kit, "ZARINPAL", "k-1");
    kit.zarinpal.pay(authority);
    kit.clock.advance(1700);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({ examined: 0 });
    expect(kit.zarinpal.calls.verify).toBe(0);
    expect(
      await kit.useCases.reconcilePendingPayments({ olderThanSeconds: 60 }, systemContext()),
    ).toMatchObject({
      credited: 1,
    });
  });

  it("fails unpaid payments, and those the gateway never opened", async () => {
    const kit = walletTestKit();
    const unpaid = await openTopUp(kit, "ZARINPAL", "k-1");
    const orphan = newPayment({
      id: "orphan-1",
      userId: unpaid.customer.id,
      amount: Rial.of(50_000n),
      gateway: "IDPAY",
      idempotencyKey: "k-2",
      createdAt: kit.clock.now(),
    });
    await kit.payments.create(orphan);
    kit.clock.advance(3600);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({
      examined: 2,
      failed: 2,
    });
    expect(kit.payments.rows.get(unpaid.payment.id)).toMatchObject({
      status: "FAILED",
      failureReason: "NOT_PAID",
    });
    expect(kit.payments.rows.get("orphan-1")).toMatchObject({
      status: "FAILED",
      failureReason: "NO_GATEWAY_SESSION",
    });
    expect((await kit.ledger.balance(unpaid.customer.id)).toString()).toBe("0");
  });

  it("asks first where the gateway can tell, and waits while the payer is at the bank", async () => {
    const kit = walletTestKit();
    const { customer, authority } = await openTopUp(kit, "IDPAY", "k-1");
    kit.clock.advance(3600);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({
      stillPending: 1,
    });
    expect(kit.idpay.calls.verify).toBe(0);
    kit.idpay.pay(authority);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({ credited: 1 });
    expect((await kit.ledger.balance(customer.id)).toString()).toBe("250000");
  });

  it("keeps payments PENDING while the gateway cannot answer", async () => {
    const kit = walletTestKit();
    const { payment, authority } = await openTopUp(kit, "ZARINPAL", "k-1");
    kit.zarinpal.pay(authority);
    kit.zarinpal.verifyMode = "DOWN";
    kit.clock.advance(3600);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({
      stillPending: 1,
    });
    expect(kit.payments.rows.get(payment.id)?.status).toBe("PENDING");
    const viaIdPay = await openTopUp(kit, "IDPAY", "k-2");
    kit.idpay.pay(viaIdPay.authority);
    kit.idpay.inquiryMode = "GARBAGE";
    kit.clock.advance(3600);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({
      stillPending: 2,
    });
    expect(kit.ledger.transactions.size).toBe(0);
  });

  it("credits a payment the gateway already counts as verified", async () => {
    const kit = walletTestKit();
    const { customer, authority } = await openTopUp(kit, "ZARINPAL", "k-1");
    kit.zarinpal.pay(authority);
    kit.zarinpal.alreadyVerified = true;
    kit.clock.advance(3600);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({ credited: 1 });
    expect((await kit.ledger.balance(customer.id)).toString()).toBe("250000");
  });

  it.each(["ZARINPAL", "IDPAY"] as const)(
    "credits a recently FAILED %s payment the gateway reports as paid, exactly once with two runs at once",
    async (gateway) => {
      const kit = walletTestKit({ recheckUnpaidForSeconds: 3600 });
      const { customer, payment, authority } = await openTopUp(kit, gateway, "k-1");
      // Ended before the payer paid, as a forged early callback used to end it.
      await kit.payments.settle(payment.id, { status: "FAILED", reason: "NOT_PAID", at: kit.clock.now() });
      (gateway === "ZARINPAL" ? kit.zarinpal : kit.idpay).pay(authority);
      kit.clock.advance(600);
      const runs = await Promise.all([
        kit.useCases.reconcilePendingPayments({}, systemContext()),
        kit.useCases.reconcilePendingPayments({}, systemContext()),
      ]);
      expect(runs.reduce((n, r) => n + r.creditedLate, 0)).toBe(1);
      expect(kit.payments.rows.get(payment.id)).toMatchObject({ status: "PAID", failureReason: null });
      expect((await kit.ledger.balance(customer.id)).toString()).toBe("250000");
      expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({
        rechecked: 0,
        creditedLate: 0,
      });
      expect(kit.ledger.transactions.size).toBe(1);
    },
  );

  it("leaves truly failed payments FAILED, and stops asking once the recheck window has passed", async () => {
    const kit = walletTestKit({ recheckUnpaidForSeconds: 3600 });
    const unpaid = await openTopUp(kit, "ZARINPAL", "k-1");
    await kit.payments.settle(unpaid.payment.id, {
      status: "FAILED",
      reason: "NOT_PAID",
      at: kit.clock.now(),
    });
    const mismatch = await openTopUp(kit, "IDPAY", "k-2");
    await kit.payments.settle(mismatch.payment.id, {
      status: "FAILED",
      reason: "AMOUNT_MISMATCH",
      at: kit.clock.now(),
    });
    kit.idpay.pay(mismatch.authority);
    kit.clock.advance(600);
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({
      rechecked: 1,
      creditedLate: 0,
    });
    expect(kit.payments.rows.get(unpaid.payment.id)).toMatchObject({
      status: "FAILED",
      failureReason: "NOT_PAID",
    });
    expect(kit.payments.rows.get(mismatch.payment.id)?.status).toBe("FAILED");

    kit.zarinpal.pay(unpaid.authority);
    kit.clock.advance(3600);
    const verifies = kit.zarinpal.calls.verify;
    expect(await kit.useCases.reconcilePendingPayments({}, systemContext())).toMatchObject({ rechecked: 0 });
    expect(kit.zarinpal.calls.verify).toBe(verifies);
    expect(kit.ledger.transactions.size).toBe(0);
  });
});
