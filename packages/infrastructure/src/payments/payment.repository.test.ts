import { Rial, topUpTransaction, type Payment } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../database/database.ts";
import { payments } from "../database/schema.ts";
import { openJobQueue, type JobQueue } from "../jobs/pg-boss.job-queue.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { expectLedgerBalanced } from "../testing/ledger-check.ts";
import { testDatabases } from "../testing/test-database.ts";
import { aPayment } from "../testing/wallet-fixtures.ts";
import { DrizzlePaymentRepository } from "./payment.repository.ts";
import { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";

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
    let queue: JobQueue;
    let repo: DrizzlePaymentRepository;
    let ledger: DrizzleWalletLedger;
    beforeAll(async () => {
      database = await target.open();
      queue = await openJobQueue(database, { role: "producer", onError: () => undefined });
      repo = new DrizzlePaymentRepository(database.db, queue);
      ledger = new DrizzleWalletLedger(database.db);
    });
    afterEach(() => expectLedgerBalanced(database.db));
    afterAll(async () => {
      await queue?.stop({ timeoutMs: 1000 });
      await database?.close();
    });

    async function aStoredPayment(overrides: Partial<Payment> = {}) {
      const user = await insertUser(database);
      const payment = aPayment(user.id, overrides);
      expect(await repo.create(payment)).toEqual({ created: true, payment });
      return { user, payment };
    }

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

    it("credits every payment exactly once after dying between verify and commit 20 times", async () => {
      const dying = new DrizzlePaymentRepository(dyingBeforeCommit(database.db), queue);
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
  });
}
