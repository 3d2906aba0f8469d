import { newPayment, Rial, topUpReference, topUpTransaction, type Payment } from "@peykarband/domain";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PaymentRepository } from "../../ports/payment.repository.ts";
import type { WalletLedger } from "../../ports/wallet-ledger.ts";
import type { ContractFixture, OpenContractFixture } from "./contract-fixture.ts";

export interface PaymentRepositoryFixture extends ContractFixture {
  readonly payments: PaymentRepository;
  /** The ledger in the same store, where a PAID settlement's credit lands. */
  readonly ledger: WalletLedger;
}

const PAID_AT = new Date("2026-03-21T08:10:00.000Z");

/**
 * What the payment use cases rely on from a PaymentRepository: one payment per (user, idempotency
 * key), one holder per (gateway, authority), a payment leaves PENDING exactly once and its credit
 * commits with it (also when 100 settles race), a late payment is credited once, a settlement
 * that cannot post its credit changes nothing, and the work lists and pages come in their order.
 * Call it inside a `describe`.
 */
export function paymentRepositoryContract(open: OpenContractFixture<PaymentRepositoryFixture>): void {
  let fixture: PaymentRepositoryFixture;
  beforeAll(async () => {
    fixture = await open();
  });
  afterAll(() => fixture?.close?.());

  const aPayment = (userId: string, overrides: Partial<Payment> = {}): Payment => ({
    ...newPayment({
      id: fixture.newId(),
      userId,
      amount: Rial.of(250_000n),
      gateway: "ZARINPAL",
      idempotencyKey: `key-${fixture.newId()}`,
      createdAt: new Date("2026-03-21T08:00:00.000Z"),
    }),
    ...overrides,
  });

  const paid = (payment: Payment, referenceId = "ref-1") =>
    ({
      status: "PAID",
      referenceId,
      at: PAID_AT,
      transaction: topUpTransaction({ id: fixture.newId(), payment, referenceId, at: PAID_AT }),
    }) as const;

  async function aStoredPayment(overrides: Partial<Payment> = {}) {
    const user = { id: await fixture.newUser() };
    const payment = aPayment(overrides.userId ?? user.id, overrides);
    expect(await fixture.payments.create(payment)).toEqual({ created: true, payment });
    return { user: { id: payment.userId }, payment };
  }

  it("creates once per (user, idempotency key) and finds by id", async () => {
    const { user, payment } = await aStoredPayment();
    const again = aPayment(user.id, { idempotencyKey: payment.idempotencyKey, amount: Rial.of(999_999n) });
    expect(await fixture.payments.create(again)).toEqual({ created: false, existing: payment });
    const other = { id: await fixture.newUser() };
    const sameKeyOtherUser = aPayment(other.id, { idempotencyKey: payment.idempotencyKey });
    expect((await fixture.payments.create(sameKeyOtherUser)).created).toBe(true);
    expect(await fixture.payments.findById(payment.id)).toEqual(payment);
    expect(await fixture.payments.findById(fixture.newId())).toBeNull();
    expect(await fixture.payments.findById("not-a-uuid")).toBeNull();
  });

  it("attaches a gateway session once, and never a session another payment holds", async () => {
    const { payment } = await aStoredPayment();
    const session = { authority: `A-${fixture.newId()}`, redirectUrl: "https://pay.example/StartPay/x" };
    const attached = await fixture.payments.attachAuthority(payment.id, session);
    expect(attached).toEqual({ ...payment, ...session });
    expect(await fixture.payments.attachAuthority(payment.id, { ...session, authority: "other" })).toBeNull();
    expect(await fixture.payments.findByGatewayReference("ZARINPAL", session.authority)).toEqual(attached);
    expect(await fixture.payments.findByGatewayReference("IDPAY", session.authority)).toBeNull();

    const { payment: second } = await aStoredPayment();
    expect(await fixture.payments.attachAuthority(second.id, session)).toBeNull();
    expect((await fixture.payments.findById(second.id))?.authority).toBeNull();
    const { payment: onIdpay } = await aStoredPayment({ gateway: "IDPAY" });
    expect((await fixture.payments.attachAuthority(onIdpay.id, session))?.authority).toBe(session.authority);

    const { payment: closed } = await aStoredPayment();
    await fixture.payments.settle(closed.id, { status: "CANCELLED", at: PAID_AT });
    expect(await fixture.payments.attachAuthority(closed.id, { ...session, authority: "late" })).toBeNull();
    expect(
      await fixture.payments.attachAuthority(fixture.newId(), { ...session, authority: "ghost" }),
    ).toBeNull();
  });

  it("settles PAID once: the payment and its credit commit together; a repeat changes nothing", async () => {
    const { user, payment } = await aStoredPayment();
    const first = await fixture.payments.settle(payment.id, paid(payment));
    expect(first).toEqual({
      settled: true,
      payment: { ...payment, status: "PAID", referenceId: "ref-1", paidAt: PAID_AT, closedAt: PAID_AT },
    });
    expect((await fixture.ledger.balance(user.id)).toString()).toBe("250000");
    const replay = await fixture.payments.settle(payment.id, paid(payment, "ref-2"));
    expect(replay).toEqual({ settled: false, payment: first.payment });
    expect(
      await fixture.payments.settle(payment.id, { status: "FAILED", reason: "NOT_PAID", at: PAID_AT }),
    ).toEqual({
      settled: false,
      payment: first.payment,
    });
    expect((await fixture.ledger.balance(user.id)).toString()).toBe("250000");
    expect((await fixture.ledger.findByReference(topUpReference(payment.id)))?.kind).toBe("TOP_UP");
  });

  it("credits once when 100 settles of one payment race", async () => {
    const { user, payment } = await aStoredPayment();
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => fixture.payments.settle(payment.id, paid(payment, `ref-${i}`))),
    );
    expect(outcomes.filter((o) => o.settled)).toHaveLength(1);
    const winner = outcomes.find((o) => o.settled)!.payment;
    for (const o of outcomes) expect(o.payment).toEqual(winner);
    expect((await fixture.ledger.balance(user.id)).toString()).toBe("250000");
    expect((await fixture.ledger.entries({ userId: user.id, limit: 10 })).entries).toHaveLength(1);
  });

  it("ends a payment FAILED or CANCELLED without a credit, and then never PAID", async () => {
    const { user, payment } = await aStoredPayment();
    expect(
      await fixture.payments.settle(payment.id, { status: "FAILED", reason: "NOT_PAID", at: PAID_AT }),
    ).toMatchObject({
      settled: true,
      payment: { status: "FAILED", failureReason: "NOT_PAID", closedAt: PAID_AT, paidAt: null },
    });
    expect(await fixture.payments.settle(payment.id, paid(payment))).toMatchObject({ settled: false });
    const { payment: cancelled } = await aStoredPayment({ userId: user.id, idempotencyKey: "c" });
    expect(
      (await fixture.payments.settle(cancelled.id, { status: "CANCELLED", at: PAID_AT })).payment.status,
    ).toBe("CANCELLED");
    expect((await fixture.ledger.balance(user.id)).toString()).toBe("0");
  });

  it("credits a FAILED or CANCELLED payment paid late exactly once when 20 race, and nothing else", async () => {
    const { user, payment } = await aStoredPayment();
    expect(await fixture.payments.settleLatePayment(payment.id, paid(payment))).toMatchObject({
      settled: false,
      payment: { status: "PENDING" },
    });
    await fixture.payments.settle(payment.id, { status: "FAILED", reason: "NOT_PAID", at: PAID_AT });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => fixture.payments.settleLatePayment(payment.id, paid(payment))),
    );
    expect(outcomes.filter((o) => o.settled)).toHaveLength(1);
    expect(await fixture.payments.findById(payment.id)).toMatchObject({
      status: "PAID",
      failureReason: null,
      referenceId: "ref-1",
      paidAt: PAID_AT,
    });
    const { payment: cancelled } = await aStoredPayment({ userId: user.id, idempotencyKey: "c" });
    await fixture.payments.settle(cancelled.id, { status: "CANCELLED", at: PAID_AT });
    expect((await fixture.payments.settleLatePayment(cancelled.id, paid(cancelled, "ref-2"))).settled).toBe(
      true,
    );
    expect((await fixture.ledger.balance(user.id)).toString()).toBe("500000");
    expect((await fixture.ledger.entries({ userId: user.id, limit: 10 })).entries).toHaveLength(2);
  });

  it("lists recently unpaid payments with a gateway session, oldest first, except the reasons named", async () => {
    const user = { id: await fixture.newUser() };
    // Older than every other test's payments, which the open-ended query also finds.
    const base = Date.UTC(2001, 0, 1);
    const made: Payment[] = [];
    for (let i = 0; i < 7; i++) {
      const p = aPayment(user.id, { createdAt: new Date(base + i * 60_000) });
      await fixture.payments.create(p);
      if (i !== 4)
        await fixture.payments.attachAuthority(p.id, { authority: `A${p.id}`, redirectUrl: "https://x" });
      made.push(p);
    }
    const end = (i: number, reason: string) =>
      fixture.payments.settle(made[i]!.id, { status: "FAILED", reason, at: PAID_AT });
    await end(0, "NOT_PAID"); // before the window
    await end(1, "NOT_PAID");
    await fixture.payments.settle(made[2]!.id, { status: "CANCELLED", at: PAID_AT });
    await end(3, "AMOUNT_MISMATCH");
    await end(4, "GATEWAY_UNAVAILABLE"); // no session: nothing to pay on
    await fixture.payments.settle(made[5]!.id, paid(made[5]!));
    // made[6] is still PENDING
    const recent = await fixture.payments.listRecentlyUnpaid({
      createdAfter: new Date(base + 60_000),
      exceptReasons: ["AMOUNT_MISMATCH"],
      limit: 100,
    });
    expect(recent.filter((p) => p.userId === user.id).map((p) => p.id)).toEqual([made[1]!.id, made[2]!.id]);
    const limited = await fixture.payments.listRecentlyUnpaid({
      createdAfter: new Date(base),
      exceptReasons: [],
      limit: 3,
    });
    expect(limited.map((p) => p.id)).toEqual([made[0]!.id, made[1]!.id, made[2]!.id]);
    await fixture.payments.settle(made[6]!.id, { status: "CANCELLED", at: PAID_AT });
  });

  it("rolls the status back when the credit cannot be posted, and refuses a foreign credit", async () => {
    const { payment } = await aStoredPayment();
    // A credit under this payment's reference already exists: the store is inconsistent.
    await fixture.ledger.post(paid(payment).transaction);
    await expect(fixture.payments.settle(payment.id, paid(payment))).rejects.toThrow(/already posted/);
    expect((await fixture.payments.findById(payment.id))?.status).toBe("PENDING");
    const { payment: other } = await aStoredPayment();
    await expect(fixture.payments.settle(payment.id, paid(other))).rejects.toThrow(
      /settled with the credit of/,
    );
    await expect(fixture.payments.settleLatePayment(payment.id, paid(other))).rejects.toThrow(
      /settled with the credit of/,
    );
    await expect(fixture.payments.settle(fixture.newId(), paid(other))).rejects.toThrow(
      /settled with the credit of|no payment/,
    );
    await expect(fixture.payments.settle("nope", { status: "CANCELLED", at: PAID_AT })).rejects.toThrow(
      /no payment/,
    );
  });

  it("lists pending payments oldest first, before a time, up to a limit", async () => {
    const user = { id: await fixture.newUser() };
    const base = Date.UTC(2019, 0, 1);
    const made: Payment[] = [];
    for (let i = 0; i < 6; i++) {
      const p = aPayment(user.id, { createdAt: new Date(base + i * 60_000) });
      await fixture.payments.create(p);
      made.push(p);
    }
    await fixture.payments.settle(made[1]!.id, { status: "CANCELLED", at: PAID_AT });
    const pending = await fixture.payments.listPending({
      createdBefore: new Date(base + 5 * 60_000),
      limit: 3,
    });
    expect(pending.map((p) => p.id)).toEqual([made[0]!.id, made[2]!.id, made[3]!.id]);
    await fixture.payments.settle(made[0]!.id, { status: "CANCELLED", at: PAID_AT });
    for (const p of made.slice(2)) await fixture.payments.settle(p.id, { status: "CANCELLED", at: PAID_AT });
  });

  it("pages a user's payments, and everyone's, newest first by keyset, forwards and backwards", async () => {
    const user = { id: await fixture.newUser() };
    const mine: Payment[] = [];
    for (let i = 0; i < 7; i++) {
      // Pairs share an instant, so the id breaks ties.
      const p = aPayment(user.id, { createdAt: new Date(Date.UTC(2030, 0, 1, 0, Math.floor(i / 2))) });
      await fixture.payments.create(p);
      mine.push(p);
    }
    const expected = [...mine]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((p) => p.id);
    const seen: string[] = [];
    let page = await fixture.payments.listByUser({ userId: user.id, limit: 3 });
    seen.push(...page.payments.map((p) => p.id));
    while (page.hasMore) {
      const last = page.payments.at(-1)!;
      page = await fixture.payments.listByUser({ userId: user.id, limit: 3, cursor: last });
      seen.push(...page.payments.map((p) => p.id));
    }
    expect(seen).toEqual(expected);

    // Backwards: from the oldest, each page the ones just newer than the last one seen.
    const seenBackwards: string[] = [];
    page = await fixture.payments.listByUser({ userId: user.id, limit: 3, direction: "before" });
    seenBackwards.unshift(...page.payments.map((p) => p.id));
    expect(seenBackwards).toEqual(expected.slice(4));
    while (page.hasMore) {
      const newest = page.payments[0]!;
      page = await fixture.payments.listByUser({
        userId: user.id,
        limit: 3,
        direction: "before",
        cursor: newest,
      });
      seenBackwards.unshift(...page.payments.map((p) => p.id));
    }
    expect(seenBackwards).toEqual(expected);
    const byId = new Map(mine.map((p) => [p.id, p]));
    const middle = await fixture.payments.listByUser({
      userId: user.id,
      limit: 2,
      direction: "before",
      cursor: byId.get(expected[4]!)!,
    });
    expect(middle).toMatchObject({ hasMore: true });
    expect(middle.payments.map((p) => p.id)).toEqual(expected.slice(2, 4));
    const top = await fixture.payments.listByUser({
      userId: user.id,
      limit: 2,
      direction: "before",
      cursor: byId.get(expected[0]!)!,
    });
    expect(top).toEqual({ payments: [], hasMore: false });
    const everyone = await fixture.payments.listByUser({ userId: null, limit: 7 });
    expect(everyone.payments.map((p) => p.id)).toEqual(expected);
    expect(await fixture.payments.listByUser({ userId: "not-a-uuid", limit: 3 })).toEqual({
      payments: [],
      hasMore: false,
    });
    expect(await fixture.payments.countByUser(user.id)).toBe(expected.length);
    expect(await fixture.payments.countByUser(null)).toBeGreaterThanOrEqual(expected.length);
    expect(await fixture.payments.countByUser("not-a-uuid")).toBe(0);
  });
}
