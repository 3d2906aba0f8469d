import { LedgerAccounts, LedgerTransaction, Rial } from "@peykarband/domain";
import type { LedgerDebitOutcome } from "@peykarband/application";
import { eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";
import { SystemClock } from "../system/system.clock.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { expectLedgerBalanced } from "../testing/ledger-check.ts";
import { countStatements } from "../testing/statement-counter.ts";
import { testDatabases } from "../testing/test-database.ts";
import { aDebit, fundWallet } from "../testing/wallet-fixtures.ts";
import { wallets } from "../database/schema.ts";
import { DebitBatcher } from "./debit-batcher.ts";
import { writeDebitBatch, writeLedgerTransaction } from "./ledger-write.ts";
import { DrizzleWalletLedger } from "./wallet-ledger.repository.ts";

const ids = new UuidV7Generator(new SystemClock());

/** Backends of this database waiting for a row lock. */
async function lockWaits(database: Database): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`pg_stat_activity`)
    .where(sql`datname = current_database() and wait_event_type = 'Lock'`);
  return row?.n ?? 0;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries > 500) throw new Error("timed out waiting for the condition");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DebitBatcher on ${target.name}`, () => {
    let database: Database;
    let ledger: DrizzleWalletLedger;
    let sent: { take(): string[] };
    beforeAll(async () => {
      database = await target.open();
      ledger = new DrizzleWalletLedger(database.db);
      sent = countStatements(database);
    });
    afterEach(() => expectLedgerBalanced(database.db));
    afterAll(() => database?.close());

    it("writes a debit alone when no other comes with it: one ledger_write statement", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 1_000n);
      sent.take();
      const outcome = await new DebitBatcher(database.db, ids).debit(aDebit(user.id, 400n));
      expect(outcome.status).toBe("POSTED");
      expect(sent.take().length).toBe(1);
      expect((await ledger.balance(user.id)).toString()).toBe("600");
    });

    it("writes the debits made together in one statement, in arrival order, each with its own outcome", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 100n);
      sent.take();
      const batcher = new DebitBatcher(database.db, ids);
      const outcomes = await Promise.all(
        [30n, 50n, 40n, 20n, 10n].map((rials) => batcher.debit(aDebit(user.id, rials))),
      );
      expect(sent.take().length).toBe(1);
      expect(outcomes.map((o) => o.status)).toEqual([
        "POSTED",
        "POSTED",
        "INSUFFICIENT_FUNDS",
        "POSTED",
        "INSUFFICIENT_FUNDS",
      ]);
      expect(outcomes[2]).toEqual({ status: "INSUFFICIENT_FUNDS", userId: user.id, balance: Rial.of(20n) });
      expect(outcomes[4]).toEqual({ status: "INSUFFICIENT_FUNDS", userId: user.id, balance: Rial.of(0n) });
      expect((await ledger.balance(user.id)).toString()).toBe("0");
      const page = await ledger.entries({ userId: user.id, limit: 10 });
      expect(page.entries.filter((e) => e.kind === "DEBIT").map((e) => e.amount.toString())).toEqual([
        "-20",
        "-50",
        "-30",
      ]);
    });

    it("holds the debits made while its writer is busy and writes them together after", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 100n);
      sent.take();
      const batcher = new DebitBatcher(database.db, ids);
      const first = batcher.debit(aDebit(user.id, 10n));
      await new Promise((resolve) => setImmediate(resolve));
      const rest = [20n, 30n, 50n].map((rials) => batcher.debit(aDebit(user.id, rials)));
      const outcomes = await Promise.all([first, ...rest]);
      expect(outcomes.map((o) => o.status)).toEqual(["POSTED", "POSTED", "POSTED", "INSUFFICIENT_FUNDS"]);
      expect(sent.take().length).toBe(2);
    });

    it("answers a reference repeated within one batch as DUPLICATE of the first, charging once", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 1_000n);
      sent.take();
      const batcher = new DebitBatcher(database.db, ids);
      const reference = `billing:${user.id}:2026-03-21T09`;
      const [, first, again] = await Promise.all([
        batcher.debit(aDebit(user.id, 1n)),
        batcher.debit(aDebit(user.id, 100n, reference)),
        batcher.debit(aDebit(user.id, 100n, reference)),
      ]);
      expect(first?.status).toBe("POSTED");
      expect(again?.status).toBe("DUPLICATE");
      expect(again?.status === "DUPLICATE" && first?.status === "POSTED" && again.transaction.id).toBe(
        first?.status === "POSTED" && first.transaction.id,
      );
      // The batch, then the read of the first charge for the duplicate.
      expect(sent.take().length).toBe(2);
      expect((await ledger.balance(user.id)).toString()).toBe("899");
    });

    it("answers a debit of a wallet with no row as it would alone: INSUFFICIENT_FUNDS, holding 0", async () => {
      const [funded, empty] = [await insertUser(database), await insertUser(database)];
      await fundWallet(ledger, funded.id, 100n);
      const batcher = new DebitBatcher(database.db, ids);
      const outcomes = await Promise.all([
        batcher.debit(aDebit(funded.id, 10n)),
        batcher.debit(aDebit(empty.id, 10n)),
        batcher.debit(aDebit(funded.id, 10n)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["POSTED", "INSUFFICIENT_FUNDS", "POSTED"]);
      expect(outcomes[1]).toEqual({ status: "INSUFFICIENT_FUNDS", userId: empty.id, balance: Rial.of(0n) });
      expect((await ledger.balance(funded.id)).toString()).toBe("80");
    });

    it("moves money between wallets within one batch, creating the receiving wallet, in order", async () => {
      const [a, b] = [await insertUser(database), await insertUser(database)];
      await fundWallet(ledger, a.id, 100n);
      const transfer = (from: string, to: string, rials: bigint) => {
        const built = LedgerTransaction.create({
          id: randomUUID(),
          kind: "REVERSAL",
          reference: `transfer:${randomUUID()}`,
          reason: "Transfer",
          entries: [
            { account: LedgerAccounts.wallet(from), amount: Rial.of(-rials) },
            { account: LedgerAccounts.wallet(to), amount: Rial.of(rials) },
          ],
          createdAt: new Date(),
        });
        if (!built.ok) throw new Error(built.error.message);
        return built.value;
      };
      sent.take();
      const batcher = new DebitBatcher(database.db, ids);
      const outcomes = await Promise.all([
        batcher.debit(aDebit(a.id, 1n)),
        batcher.debit(transfer(a.id, b.id, 90n)),
        // b holds 90 only because the transfer before it in the batch went through.
        batcher.debit(transfer(b.id, a.id, 60n)),
        batcher.debit(transfer(b.id, a.id, 60n)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["POSTED", "POSTED", "POSTED", "INSUFFICIENT_FUNDS"]);
      expect(outcomes[3]).toEqual({ status: "INSUFFICIENT_FUNDS", userId: b.id, balance: Rial.of(30n) });
      expect(sent.take().length).toBe(1);
      expect([(await ledger.balance(a.id)).toString(), (await ledger.balance(b.id)).toString()]).toEqual([
        "69",
        "30",
      ]);
    });

    it("fails only the debit that breaks, when one in a batch fails for a reason other than funds", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 1_000n);
      const batcher = new DebitBatcher(database.db, ids);
      const results = await Promise.allSettled([
        batcher.debit(aDebit(user.id, 1n)),
        batcher.debit(aDebit(user.id, 10n)),
        // No such user: the entry's foreign key fails the whole statement, then this debit alone.
        batcher.debit(aDebit(randomUUID(), 10n)),
        batcher.debit(aDebit(user.id, 20n)),
      ]);
      expect(results.map((r) => (r.status === "fulfilled" ? r.value.status : "rejected"))).toEqual([
        "POSTED",
        "POSTED",
        "rejected",
        "POSTED",
      ]);
      expect((await ledger.balance(user.id)).toString()).toBe("969");
    });

    // Needs a second connection to hold a wallet meanwhile: PostgreSQL only (PGlite has one).
    it.skipIf(target.name === "pglite")(
      "takes every wallet of a batch in user-id order before writing, as ledger_write does",
      async () => {
        const [low, high] = [await insertUser(database), await insertUser(database)]
          .map((user) => user.id)
          .sort();
        await fundWallet(ledger, low!, 1_000n);
        await fundWallet(ledger, high!, 1_000n);
        let batch: Promise<Promise<LedgerDebitOutcome>[]> | undefined;
        await database.db.transaction(async (tx) => {
          await tx.select().from(wallets).where(eq(wallets.userId, low!)).for("update");
          batch = writeDebitBatch(database.db, [aDebit(high!, 10n), aDebit(low!, 10n)], ids);
          await until(async () => (await lockWaits(database)) >= 1);
          // The batch waits for `low` holding nothing, so `high` can still be debited meanwhile;
          // had it taken `high` when its write came, two batches in opposite orders could deadlock.
          const alone = writeLedgerTransaction(database.db, aDebit(high!, 5n), {
            guarded: true,
            entryIds: ids,
          });
          // Had the batch taken `high`, this debit would queue behind it for a lock: a second lock
          // wait in the database, observed rather than guessed from a timeout.
          let decided = false;
          const blocked = (async () => {
            while (!decided) {
              if ((await lockWaits(database)) >= 2) return { status: "WAITING FOR A LOCK" };
              await new Promise((resolve) => setTimeout(resolve, 10));
            }
            return { status: "NOT BLOCKED" };
          })();
          const outcome = (await Promise.race([alone, blocked])) as { status: string };
          decided = true;
          await blocked;
          expect(outcome).toMatchObject({ status: "POSTED" });
        });
        const outcomes = await Promise.all(await batch!);
        expect(outcomes.map((o) => o.status)).toEqual(["POSTED", "POSTED"]);
        expect((await ledger.balance(high!)).toString()).toBe("985");
      },
    );

    it("is the ledger's debit path: a transfer's two wallets move together", async () => {
      const [a, b] = [await insertUser(database), await insertUser(database)];
      await fundWallet(ledger, a.id, 500n);
      const transfer = LedgerTransaction.create({
        id: randomUUID(),
        kind: "REVERSAL",
        reference: `transfer:${randomUUID()}`,
        reason: "Transfer",
        entries: [
          { account: LedgerAccounts.wallet(a.id), amount: Rial.of(-200n) },
          { account: LedgerAccounts.wallet(b.id), amount: Rial.of(200n) },
        ],
        createdAt: new Date(),
      });
      if (!transfer.ok) throw new Error(transfer.error.message);
      expect((await ledger.debit(transfer.value)).status).toBe("POSTED");
      expect([(await ledger.balance(a.id)).toString(), (await ledger.balance(b.id)).toString()]).toEqual([
        "300",
        "200",
      ]);
    });
  });
}
