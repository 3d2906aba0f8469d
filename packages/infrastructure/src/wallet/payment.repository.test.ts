import { Rial, topUpReference, topUpTransaction, type Payment } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../database/database.ts";
import { payments } from "../database/schema.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { expectLedgerBalanced } from "../testing/ledger-check.ts";
import { testDatabases } from "../testing/test-database.ts";
import { aPayment } from "../testing/wallet-fixtures.ts";
import { DrizzlePaymentRepository } from "./payment.repository.ts";
import { DrizzleWalletLedger } from "./wallet-ledger.repository.ts";

const PAID_AT = new Date("2026-03-21T08:10:00.000Z");

const paid = (payment: Payment, referenceId = "ref-1") =>
  ({
    status: "PAID",
    referenceId,
    at: PAID_AT,
    transaction: topUpTransaction({ id: randomUUID(), payment, referenceId, at: PAID_AT }),
  }) as const;

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      return cause instanceof Error ? cause.message : String(cause);
    },
  );

/** A database whose transactions do all their work and then die before COMMIT, as a killed process would. */
function dyingBeforeCommit(db: Db): Db {
  const transaction: Db["transaction"] = (work, config) =>
    db.transaction(async (tx) => {
      await work(tx);
      throw new Error("killed before commit");
    }, config);
  return Object.assign(Object.create(db) as Db, { transaction });
}

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzlePaymentRepository on ${target.name}`, () => {
    let database: Database;
    let repo: DrizzlePaymentRepository;
    let ledger: DrizzleWalletLedger;
    beforeAll(async () => {
      database = await target.open();
      repo = new DrizzlePaymentRepository(database.db);
      ledger = new DrizzleWalletLedger(database.db);
    });
    afterEach(() => expectLedgerBalanced(database.db));
    afterAll(() => database?.close());

    async function aStoredPayment(overrides: Partial<Payment> = {}) {
      const user = await insertUser(database);
      const payment = aPayment(user.id, overrides);
      expect(await repo.create(payment)).toEqual({ created: true, payment });
      return { user, payment };
    }

    it("creates once per (user, idempotency key) and finds by id", async () => {
      const { user, payment } = await aStoredPayment();
      const again = aPayment(user.id, { idempotencyKey: payment.idempotencyKey, amount: Rial.of(999_999n) });
      expect(await repo.create(again)).toEqual({ created: false, existing: payment });
      const other = await insertUser(database);
      const sameKeyOtherUser = aPayment(other.id, { idempotencyKey: payment.idempotencyKey });
      expect((await repo.create(sameKeyOtherUser)).created).toBe(true);
      expect(await repo.findById(payment.id)).toEqual(payment);
      expect(await repo.findById(randomUUID())).toBeNull();
      expect(await repo.findById("not-a-uuid")).toBeNull();
    });

    it("attaches a gateway session once, and never a session another payment holds", async () => {
      const { payment } = await aStoredPayment();
      const session = { authority: `A-${randomUUID()}`, redirectUrl: "https://pay.example/StartPay/x" };
      const attached = await repo.attachAuthority(payment.id, session);
      expect(attached).toEqual({ ...payment, ...session });
      expect(await repo.attachAuthority(payment.id, { ...session, authority: "other" })).toBeNull();
      expect(await repo.findByGatewayReference("ZARINPAL", session.authority)).toEqual(attached);
      expect(await repo.findByGatewayReference("IDPAY", session.authority)).toBeNull();

      const { payment: second } = await aStoredPayment();
      expect(await repo.attachAuthority(second.id, session)).toBeNull();
      expect((await repo.findById(second.id))?.authority).toBeNull();
      const { payment: onIdpay } = await aStoredPayment({ gateway: "IDPAY" });
      expect((await repo.attachAuthority(onIdpay.id, session))?.authority).toBe(session.authority);

      const { payment: closed } = await aStoredPayment();
      await repo.settle(closed.id, { status: "CANCELLED", at: PAID_AT });
      expect(await repo.attachAuthority(closed.id, { ...session, authority: "late" })).toBeNull();
      expect(await repo.attachAuthority(randomUUID(), { ...session, authority: "ghost" })).toBeNull();
    });

    it("enforces both unique constraints in the database itself", async () => {
      const { user, payment } = await aStoredPayment();
      await repo.attachAuthority(payment.id, { authority: `U-${payment.id}`, redirectUrl: "https://x" });
      const row = (p: Payment) => ({ ...p, amount: p.amount.amount });
      expect(
        await failureOf(
          database.db
            .insert(payments)
            .values(row(aPayment(user.id, { idempotencyKey: payment.idempotencyKey }))),
        ),
      ).toMatch(/payments_user_id_idempotency_key_unique/);
      expect(
        await failureOf(
          database.db.insert(payments).values(row(aPayment(user.id, { authority: `U-${payment.id}` }))),
        ),
      ).toMatch(/payments_gateway_authority_unique/);
      expect(
        await failureOf(database.db.insert(payments).values(row(aPayment(user.id, { amount: Rial.zero })))),
      ).toMatch(/payments_amount_check/);
    });

    it("settles PAID once: the payment and its credit commit together; a repeat changes nothing", async () => {
      const { user, payment } = await aStoredPayment();
      const first = await repo.settle(payment.id, paid(payment));
      expect(first).toEqual({
        settled: true,
        payment: { ...payment, status: "PAID", referenceId: "ref-1", paidAt: PAID_AT, closedAt: PAID_AT },
      });
      expect((await ledger.balance(user.id)).toString()).toBe("250000");
      const replay = await repo.settle(payment.id, paid(payment, "ref-2"));
      expect(replay).toEqual({ settled: false, payment: first.payment });
      expect(await repo.settle(payment.id, { status: "FAILED", reason: "NOT_PAID", at: PAID_AT })).toEqual({
        settled: false,
        payment: first.payment,
      });
      expect((await ledger.balance(user.id)).toString()).toBe("250000");
      expect((await ledger.findByReference(topUpReference(payment.id)))?.kind).toBe("TOP_UP");
    });

    it("credits once when 100 settles of one payment race", async () => {
      const { user, payment } = await aStoredPayment();
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, (_, i) => repo.settle(payment.id, paid(payment, `ref-${i}`))),
      );
      expect(outcomes.filter((o) => o.settled)).toHaveLength(1);
      const winner = outcomes.find((o) => o.settled)!.payment;
      for (const o of outcomes) expect(o.payment).toEqual(winner);
      expect((await ledger.balance(user.id)).toString()).toBe("250000");
      expect((await ledger.entries({ userId: user.id, limit: 10 })).entries).toHaveLength(1);
    });

    it("ends a payment FAILED or CANCELLED without a credit, and then never PAID", async () => {
      const { user, payment } = await aStoredPayment();
      expect(
        await repo.settle(payment.id, { status: "FAILED", reason: "NOT_PAID", at: PAID_AT }),
      ).toMatchObject({
        settled: true,
        payment: { status: "FAILED", failureReason: "NOT_PAID", closedAt: PAID_AT, paidAt: null },
      });
      expect(await repo.settle(payment.id, paid(payment))).toMatchObject({ settled: false });
      const { payment: cancelled } = await aStoredPayment({ userId: user.id, idempotencyKey: "c" });
      expect((await repo.settle(cancelled.id, { status: "CANCELLED", at: PAID_AT })).payment.status).toBe(
        "CANCELLED",
      );
      expect((await ledger.balance(user.id)).toString()).toBe("0");
    });

    it("credits a FAILED or CANCELLED payment paid late exactly once when 20 race, and nothing else", async () => {
      const { user, payment } = await aStoredPayment();
      expect(await repo.settleLatePayment(payment.id, paid(payment))).toMatchObject({
        settled: false,
        payment: { status: "PENDING" },
      });
      await repo.settle(payment.id, { status: "FAILED", reason: "NOT_PAID", at: PAID_AT });
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => repo.settleLatePayment(payment.id, paid(payment))),
      );
      expect(outcomes.filter((o) => o.settled)).toHaveLength(1);
      expect(await repo.findById(payment.id)).toMatchObject({
        status: "PAID",
        failureReason: null,
        referenceId: "ref-1",
        paidAt: PAID_AT,
      });
      const { payment: cancelled } = await aStoredPayment({ userId: user.id, idempotencyKey: "c" });
      await repo.settle(cancelled.id, { status: "CANCELLED", at: PAID_AT });
      expect((await repo.settleLatePayment(cancelled.id, paid(cancelled, "ref-2"))).settled).toBe(true);
      expect((await ledger.balance(user.id)).toString()).toBe("500000");
      expect((await ledger.entries({ userId: user.id, limit: 10 })).entries).toHaveLength(2);
    });

    it("lists recently unpaid payments with a gateway session, oldest first, except the reasons named", async () => {
      const user = await insertUser(database);
      // Older than every other test's payments, which the open-ended query also finds.
      const base = Date.UTC(2001, 0, 1);
      const made: Payment[] = [];
      for (let i = 0; i < 7; i++) {
        const p = aPayment(user.id, { createdAt: new Date(base + i * 60_000) });
        await repo.create(p);
        if (i !== 4) await repo.attachAuthority(p.id, { authority: `A${p.id}`, redirectUrl: "https://x" });
        made.push(p);
      }
      const end = (i: number, reason: string) =>
        repo.settle(made[i]!.id, { status: "FAILED", reason, at: PAID_AT });
      await end(0, "NOT_PAID"); // before the window
      await end(1, "NOT_PAID");
      await repo.settle(made[2]!.id, { status: "CANCELLED", at: PAID_AT });
      await end(3, "AMOUNT_MISMATCH");
      await end(4, "GATEWAY_UNAVAILABLE"); // no session: nothing to pay on
      await repo.settle(made[5]!.id, paid(made[5]!));
      // made[6] is still PENDING
      const recent = await repo.listRecentlyUnpaid({
        createdAfter: new Date(base + 60_000),
        exceptReasons: ["AMOUNT_MISMATCH"],
        limit: 100,
      });
      expect(recent.filter((p) => p.userId === user.id).map((p) => p.id)).toEqual([made[1]!.id, made[2]!.id]);
      const limited = await repo.listRecentlyUnpaid({
        createdAfter: new Date(base),
        exceptReasons: [],
        limit: 3,
      });
      expect(limited.map((p) => p.id)).toEqual([made[0]!.id, made[1]!.id, made[2]!.id]);
      await repo.settle(made[6]!.id, { status: "CANCELLED", at: PAID_AT });
    });

    it("rolls the status back when the credit cannot be posted, and refuses a foreign credit", async () => {
      const { payment } = await aStoredPayment();
      // A credit under this payment's reference already exists: the store is inconsistent.
      await ledger.post(paid(payment).transaction);
      await expect(repo.settle(payment.id, paid(payment))).rejects.toThrow(/already posted/);
      expect((await repo.findById(payment.id))?.status).toBe("PENDING");
      const { payment: other } = await aStoredPayment();
      await expect(repo.settle(payment.id, paid(other))).rejects.toThrow(/settled with the credit of/);
      await expect(repo.settle(randomUUID(), paid(other))).rejects.toThrow(
        /settled with the credit of|no payment/,
      );
      await expect(repo.settle("nope", { status: "CANCELLED", at: PAID_AT })).rejects.toThrow(/no payment/);
    });

    it("credits every payment exactly once after dying between verify and commit 20 times", async () => {
      const dying = new DrizzlePaymentRepository(dyingBeforeCommit(database.db));
      const user = await insertUser(database);
      const opened: Payment[] = [];
      for (let i = 0; i < 20; i++) {
        const payment = aPayment(user.id, { createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)) });
        await repo.create(payment);
        opened.push(payment);
        // Half die inside the settling transaction, half before it even starts.
        if (i % 2 === 0) await expect(dying.settle(payment.id, paid(payment))).rejects.toThrow("killed");
        expect((await repo.findById(payment.id))?.status).toBe("PENDING");
      }
      expect((await ledger.balance(user.id)).toString()).toBe("0");

      // Three reconciliation runs overlap after the restart.
      const reconcile = async () => {
        let credited = 0;
        for (const p of await repo.listPending({
          createdBefore: new Date(Date.UTC(2021, 0, 1)),
          limit: 100,
        })) {
          if ((await repo.settle(p.id, paid(p))).settled) credited++;
        }
        return credited;
      };
      const runs = await Promise.all([reconcile(), reconcile(), reconcile()]);
      expect(runs.reduce((a, b) => a + b, 0)).toBe(20);
      expect((await ledger.balance(user.id)).toString()).toBe(String(20n * 250_000n));
      for (const p of opened) expect((await repo.findById(p.id))?.status).toBe("PAID");
    });

    it("lists pending payments oldest first, before a time, up to a limit", async () => {
      const user = await insertUser(database);
      const base = Date.UTC(2019, 0, 1);
      const made: Payment[] = [];
      for (let i = 0; i < 6; i++) {
        const p = aPayment(user.id, { createdAt: new Date(base + i * 60_000) });
        await repo.create(p);
        made.push(p);
      }
      await repo.settle(made[1]!.id, { status: "CANCELLED", at: PAID_AT });
      const pending = await repo.listPending({ createdBefore: new Date(base + 5 * 60_000), limit: 3 });
      expect(pending.map((p) => p.id)).toEqual([made[0]!.id, made[2]!.id, made[3]!.id]);
      await repo.settle(made[0]!.id, { status: "CANCELLED", at: PAID_AT });
      for (const p of made.slice(2)) await repo.settle(p.id, { status: "CANCELLED", at: PAID_AT });
    });

    it("pages a user's payments, and everyone's, newest first by keyset, forwards and backwards", async () => {
      const user = await insertUser(database);
      const mine: Payment[] = [];
      for (let i = 0; i < 7; i++) {
        // Pairs share an instant, so the id breaks ties.
        const p = aPayment(user.id, { createdAt: new Date(Date.UTC(2030, 0, 1, 0, Math.floor(i / 2))) });
        await repo.create(p);
        mine.push(p);
      }
      const expected = [...mine]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .map((p) => p.id);
      const seen: string[] = [];
      let page = await repo.listByUser({ userId: user.id, limit: 3 });
      seen.push(...page.payments.map((p) => p.id));
      while (page.hasMore) {
        const last = page.payments.at(-1)!;
        page = await repo.listByUser({ userId: user.id, limit: 3, cursor: last });
        seen.push(...page.payments.map((p) => p.id));
      }
      expect(seen).toEqual(expected);

      // Backwards: from the oldest, each page the ones just newer than the last one seen.
      const seenBackwards: string[] = [];
      page = await repo.listByUser({ userId: user.id, limit: 3, direction: "before" });
      seenBackwards.unshift(...page.payments.map((p) => p.id));
      expect(seenBackwards).toEqual(expected.slice(4));
      while (page.hasMore) {
        const newest = page.payments[0]!;
        page = await repo.listByUser({ userId: user.id, limit: 3, direction: "before", cursor: newest });
        seenBackwards.unshift(...page.payments.map((p) => p.id));
      }
      expect(seenBackwards).toEqual(expected);
      const byId = new Map(mine.map((p) => [p.id, p]));
      const middle = await repo.listByUser({
        userId: user.id,
        limit: 2,
        direction: "before",
        cursor: byId.get(expected[4]!)!,
      });
      expect(middle).toMatchObject({ hasMore: true });
      expect(middle.payments.map((p) => p.id)).toEqual(expected.slice(2, 4));
      const top = await repo.listByUser({
        userId: user.id,
        limit: 2,
        direction: "before",
        cursor: byId.get(expected[0]!)!,
      });
      expect(top).toEqual({ payments: [], hasMore: false });
      const everyone = await repo.listByUser({ userId: null, limit: 7 });
      expect(everyone.payments.map((p) => p.id)).toEqual(expected);
      expect(await repo.listByUser({ userId: "not-a-uuid", limit: 3 })).toEqual({
        payments: [],
        hasMore: false,
      });
    });
  });
}
