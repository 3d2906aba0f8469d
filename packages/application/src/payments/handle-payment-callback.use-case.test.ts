import { Rial, type PaymentGatewayName } from "@peykarband/domain";
import { afterEach, describe, expect, it } from "vitest";
import { anonymous } from "../testing/account-test-kit.ts";
import { assertKitLedgersBalanced, walletTestKit } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

/** A customer with a PENDING top-up of 250,000 rials, and the browser's (anonymous) context. */
async function pendingTopUp(gateway: PaymentGatewayName = "ZARINPAL") {
  const kit = walletTestKit();
  const customer = await kit.user();
  const started = await kit.useCases.startTopUp(
    { amount: "250000", gateway, idempotencyKey: "k-1" },
    customer.ctx,
  );
  if (!started.ok) throw new Error(started.error.code);
  const payment = started.value.payment;
  const fake = gateway === "ZARINPAL" ? kit.zarinpal : kit.idpay;
  return {
    ...kit,
    customer,
    payment,
    authority: payment.authority!,
    fake,
    browser: anonymous("203.0.113.9"),
  };
}

describe("handlePaymentCallback", () => {
  it("verifies server to server and credits the wallet once", async () => {
    const kit = await pendingTopUp();
    kit.fake.pay(kit.authority);
    const result = await kit.useCases.handlePaymentCallback(
      { gateway: "ZARINPAL", authority: kit.authority, status: "OK" },
      kit.browser,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        credited: true,
        payment: { status: "PAID", referenceId: expect.any(String), paidAt: expect.any(Date) },
      },
    });
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("250000");
    const paid = kit.audit.events.find((e) => e.action === "PAYMENT_PAID");
    expect(paid).toMatchObject({ actorId: null, subjectId: kit.customer.id, details: { amount: "250000" } });
    const page = await kit.useCases.walletEntries({ userId: kit.customer.id, first: 5 }, kit.customer.ctx);
    expect(page?.entries).toMatchObject([{ kind: "TOP_UP", reference: `top-up:${kit.payment.id}` }]);
  });

  it("credits once for 100 replays of a paid callback in parallel", async () => {
    const kit = await pendingTopUp("IDPAY");
    kit.fake.pay(kit.authority);
    const callback = {
      gateway: "IDPAY" as const,
      authority: kit.authority,
      status: "OK" as const,
      amount: "250000",
      orderId: kit.payment.id,
    };
    const results = await Promise.all(
      Array.from({ length: 100 }, () => kit.useCases.handlePaymentCallback(callback, kit.browser)),
    );
    expect(results.every((r) => r.ok && r.value.payment.status === "PAID")).toBe(true);
    expect(results.filter((r) => r.ok && r.value.credited)).toHaveLength(1);
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("250000");
    expect(kit.ledger.transactions.size).toBe(1);
    expect(kit.audit.events.filter((e) => e.action === "PAYMENT_PAID")).toHaveLength(1);
    // Once settled, a replay answers from our records without asking the gateway again.
    const verifies = kit.fake.calls.verify;
    expect(await kit.useCases.handlePaymentCallback(callback, kit.browser)).toMatchObject({
      ok: true,
      value: { credited: false },
    });
    expect(kit.fake.calls.verify).toBe(verifies);
  });

  it("credits nothing for an unknown authority", async () => {
    const kit = await pendingTopUp();
    kit.fake.pay(kit.authority);
    for (const authority of ["S" + "9".repeat(35), "", "x".repeat(5000)]) {
      expect(
        await kit.useCases.handlePaymentCallback(
          { gateway: "ZARINPAL", authority, status: "OK" },
          kit.browser,
        ),
      ).toMatchObject({ ok: false, error: { code: "PAYMENT_NOT_FOUND" } });
    }
    // The authority of one gateway means nothing at the other.
    expect(
      await kit.useCases.handlePaymentCallback(
        { gateway: "IDPAY", authority: kit.authority, status: "OK" },
        kit.browser,
      ),
    ).toMatchObject({ ok: false, error: { code: "PAYMENT_NOT_FOUND" } });
    expect(kit.fake.calls.verify).toBe(0);
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("0");
  });

  it("credits nothing for a callback whose amount or order id was tampered with", async () => {
    const kit = await pendingTopUp("IDPAY");
    kit.fake.pay(kit.authority);
    const callback = { gateway: "IDPAY" as const, authority: kit.authority, status: "OK" as const };
    for (const tampered of [
      { ...callback, amount: "2500000", orderId: kit.payment.id },
      { ...callback, amount: "abc" },
      { ...callback, orderId: "another-order" },
    ]) {
      expect(await kit.useCases.handlePaymentCallback(tampered, kit.browser)).toMatchObject({
        ok: false,
        error: { code: "CALLBACK_MISMATCH" },
      });
    }
    expect(kit.payments.rows.get(kit.payment.id)?.status).toBe("PENDING");
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("0");
  });

  it.each(["ZARINPAL", "IDPAY"] as const)(
    "leaves a %s payment PENDING on a callback sent before paying, and credits it once when paid",
    async (gateway) => {
      const kit = await pendingTopUp(gateway);
      const early = { gateway, authority: kit.authority, status: "OK" as const };
      expect(await kit.useCases.handlePaymentCallback(early, kit.browser)).toMatchObject({
        ok: false,
        error: { code: "PAYMENT_NOT_PAID_YET" },
      });
      expect(kit.payments.rows.get(kit.payment.id)?.status).toBe("PENDING");

      kit.fake.pay(kit.authority);
      expect(await kit.useCases.handlePaymentCallback(early, kit.browser)).toMatchObject({
        ok: true,
        value: { credited: true, payment: { status: "PAID" } },
      });
      expect(await kit.useCases.handlePaymentCallback(early, kit.browser)).toMatchObject({
        ok: true,
        value: { credited: false },
      });
      expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("250000");
      expect(kit.ledger.transactions.size).toBe(1);
    },
  );

  it("ends an IDPay payment only when its inquiry says the session is over", async () => {
    const kit = await pendingTopUp("IDPAY");
    kit.fake.inquiryMode = "DOWN";
    kit.fake.cancel(kit.authority);
    const cancelled = { gateway: "IDPAY" as const, authority: kit.authority, status: "CANCELLED" as const };
    expect(await kit.useCases.handlePaymentCallback(cancelled, kit.browser)).toMatchObject({
      ok: false,
      error: { code: "PAYMENT_NOT_PAID_YET" },
    });
    expect(kit.payments.rows.get(kit.payment.id)?.status).toBe("PENDING");
    kit.fake.inquiryMode = "OK";
    expect(await kit.useCases.handlePaymentCallback(cancelled, kit.browser)).toMatchObject({
      ok: false,
      error: { code: "PAYMENT_NOT_PAID" },
    });
    expect(kit.payments.rows.get(kit.payment.id)?.status).toBe("CANCELLED");
  });

  it("credits a paid payment even when the callback claims it was cancelled", async () => {
    const kit = await pendingTopUp();
    kit.fake.pay(kit.authority);
    expect(
      await kit.useCases.handlePaymentCallback(
        { gateway: "ZARINPAL", authority: kit.authority, status: "CANCELLED" },
        kit.browser,
      ),
    ).toMatchObject({ ok: true, value: { credited: true } });
  });

  it("leaves a Zarinpal payment the payer cancelled PENDING: verify cannot tell it from not yet paid", async () => {
    const kit = await pendingTopUp();
    kit.fake.cancel(kit.authority);
    expect(
      await kit.useCases.handlePaymentCallback(
        { gateway: "ZARINPAL", authority: kit.authority, status: "CANCELLED" },
        kit.browser,
      ),
    ).toMatchObject({ ok: false, error: { code: "PAYMENT_NOT_PAID_YET" } });
    expect(kit.payments.rows.get(kit.payment.id)?.status).toBe("PENDING");
  });

  it("credits the payment's owner only, whoever sends its callback", async () => {
    const kit = await pendingTopUp("IDPAY");
    const attacker = await kit.user();
    const own = await kit.useCases.startTopUp(
      { amount: "250000", gateway: "IDPAY", idempotencyKey: "mine" },
      attacker.ctx,
    );
    if (!own.ok) throw new Error("setup");
    kit.fake.pay(kit.authority);
    // The attacker's own (unpaid) authority with the victim's paid order id: a mismatch.
    expect(
      await kit.useCases.handlePaymentCallback(
        { gateway: "IDPAY", authority: own.value.payment.authority!, status: "OK", orderId: kit.payment.id },
        attacker.ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: "CALLBACK_MISMATCH" } });
    // The victim's authority, sent by the attacker: the money goes where it belongs, once.
    expect(
      await kit.useCases.handlePaymentCallback(
        { gateway: "IDPAY", authority: kit.authority, status: "OK" },
        attacker.ctx,
      ),
    ).toMatchObject({ ok: true, value: { payment: { userId: kit.customer.id } } });
    expect((await kit.ledger.balance(attacker.id)).toString()).toBe("0");
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("250000");
    expect(kit.payments.rows.get(own.value.payment.id)?.status).toBe("PENDING");
  });

  it.each(["DOWN", "SLOW", "GARBAGE", "REJECTED"] as const)(
    "leaves the payment PENDING when verify is %s, and reconciliation credits it later",
    async (mode) => {
      const kit = await pendingTopUp();
      kit.fake.pay(kit.authority);
      kit.fake.verifyMode = mode;
      const callback = { gateway: "ZARINPAL" as const, authority: kit.authority, status: "OK" as const };
      expect(await kit.useCases.handlePaymentCallback(callback, kit.browser)).toMatchObject({
        ok: false,
        error: { code: "VERIFICATION_PENDING" },
      });
      expect(kit.payments.rows.get(kit.payment.id)?.status).toBe("PENDING");
      expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("0");

      kit.fake.verifyMode = "OK";
      kit.clock.advance(3600);
      expect(await kit.useCases.reconcilePendingPayments({}, kit.browser)).toMatchObject({ credited: 1 });
      expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("250000");
    },
  );

  it("does not credit when the gateway reports another amount", async () => {
    const kit = await pendingTopUp("IDPAY");
    kit.fake.pay(kit.authority);
    kit.fake.reportedAmount = Rial.of(2_500n);
    expect(
      await kit.useCases.handlePaymentCallback(
        { gateway: "IDPAY", authority: kit.authority, status: "OK" },
        kit.browser,
      ),
    ).toMatchObject({ ok: false, error: { code: "AMOUNT_MISMATCH" } });
    expect(kit.payments.rows.get(kit.payment.id)).toMatchObject({
      status: "FAILED",
      failureReason: "AMOUNT_MISMATCH",
    });
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("0");
  });
});
