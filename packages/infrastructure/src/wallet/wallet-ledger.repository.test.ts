import {
  LedgerAccounts,
  LedgerTransaction,
  Rial,
  type LedgerLine,
  type LedgerTransactionKind,
} from "@peykarband/domain";
import { inArray, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { ledgerEntries, ledgerTransactions, wallets } from "../database/schema.ts";
import { insertUser, insertUsers } from "../testing/account-fixtures.ts";
import { expectLedgerBalanced } from "../testing/ledger-check.ts";
import { testDatabases } from "../testing/test-database.ts";
import { aDebit, fundWallet } from "../testing/wallet-fixtures.ts";
import { DrizzleWalletLedger } from "./wallet-ledger.repository.ts";

const AT = new Date("2026-03-21T09:00:00.000Z");

function transaction(
  entries: LedgerLine[],
  options: { kind?: LedgerTransactionKind; reference?: string; at?: Date } = {},
): LedgerTransaction {
  const built = LedgerTransaction.create({
    id: randomUUID(),
    kind: options.kind ?? "ADMIN_CREDIT",
    reference: options.reference ?? `test:${randomUUID()}`,
    reason: "test movement",
    entries,
    createdAt: options.at ?? AT,
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

const credit = (userId: string, rials: bigint, options: { reference?: string; at?: Date } = {}) =>
  transaction(
    [
      { account: LedgerAccounts.wallet(userId), amount: Rial.of(rials) },
      { account: LedgerAccounts.adjustments, amount: Rial.of(-rials) },
    ],
    options,
  );

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      return cause instanceof Error ? cause.message : String(cause);
    },
  );

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleWalletLedger on ${target.name}`, () => {
    let database: Database;
    let ledger: DrizzleWalletLedger;
    beforeAll(async () => {
      database = await target.open();
      ledger = new DrizzleWalletLedger(database.db);
    });
    afterEach(() => expectLedgerBalanced(database.db));
    afterAll(() => database?.close());

    const count = (table: "ledger_transactions" | "ledger_entries") =>
      database.db.$count(table === "ledger_entries" ? ledgerEntries : ledgerTransactions);

    it("posts a credit: entries, balance and the stored transaction agree", async () => {
      const user = await insertUser(database);
      const posted = credit(user.id, 250_000n);
      expect(await ledger.post(posted)).toEqual({ status: "POSTED", transaction: posted });
      expect((await ledger.balance(user.id)).toString()).toBe("250000");
      const stored = await ledger.findByReference(posted.reference);
      expect(stored?.id).toBe(posted.id);
      expect(stored?.sameMovementAs(posted)).toBe(true);
      expect(stored).toMatchObject({ reason: posted.reason, createdAt: AT });
      const page = await ledger.entries({ userId: user.id, limit: 10 });
      expect(page.hasMore).toBe(false);
      expect(page.entries).toHaveLength(1);
      expect(page.entries[0]).toMatchObject({
        transactionId: posted.id,
        kind: "ADMIN_CREDIT",
        reference: posted.reference,
        account: LedgerAccounts.wallet(user.id),
        createdAt: AT,
      });
      expect(page.entries[0]!.amount.toString()).toBe("250000");
    });

    it("answers for wallets and references it does not know", async () => {
      expect((await ledger.balance(randomUUID())).toString()).toBe("0");
      expect((await ledger.balance("not-a-uuid")).toString()).toBe("0");
      expect(await ledger.entries({ userId: "not-a-uuid", limit: 5 })).toEqual({
        entries: [],
        hasMore: false,
      });
      expect(await ledger.findByReference("nothing")).toBeNull();
    });

    it("posts a reference once: a repeat is DUPLICATE with the first transaction and moves nothing", async () => {
      const user = await insertUser(database);
      const first = credit(user.id, 1_000n, { reference: `dup:${user.id}` });
      await ledger.post(first);
      const before = {
        transactions: await count("ledger_transactions"),
        entries: await count("ledger_entries"),
      };
      const again = credit(user.id, 9_999n, { reference: `dup:${user.id}` });
      const outcome = await ledger.post(again);
      expect(outcome.status).toBe("DUPLICATE");
      expect(outcome.transaction.id).toBe(first.id);
      expect(await ledger.debit(aDebit(user.id, 1n, "x"))).toMatchObject({ status: "POSTED" });
      expect(await count("ledger_transactions")).toBe(before.transactions + 1);
      expect(await count("ledger_entries")).toBe(before.entries + 2);
      expect((await ledger.balance(user.id)).toString()).toBe("999");
    });

    it("posts one of 20 concurrent posts of the same reference", async () => {
      const user = await insertUser(database);
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () =>
          ledger.post(credit(user.id, 500n, { reference: `race:${user.id}` })),
        ),
      );
      expect(outcomes.filter((o) => o.status === "POSTED")).toHaveLength(1);
      const ids = new Set(outcomes.map((o) => o.transaction.id));
      expect(ids.size).toBe(1);
      expect((await ledger.balance(user.id)).toString()).toBe("500");
    });

    it("refuses a debit the wallet does not cover, writes nothing and keeps the reference free", async () => {
      const user = await insertUser(database);
      expect(await ledger.debit(aDebit(user.id, 100n, "order-1"))).toEqual({
        status: "INSUFFICIENT_FUNDS",
        userId: user.id,
        balance: Rial.zero,
      });
      await fundWallet(ledger, user.id, 60n);
      const refused = await ledger.debit(aDebit(user.id, 100n, "order-1"));
      expect(refused).toMatchObject({ status: "INSUFFICIENT_FUNDS", userId: user.id });
      expect(refused.status === "INSUFFICIENT_FUNDS" && refused.balance.toString()).toBe("60");
      expect(await ledger.findByReference("debit:order-1")).toBeNull();
      await fundWallet(ledger, user.id, 40n);
      expect(await ledger.debit(aDebit(user.id, 100n, "order-1"))).toMatchObject({ status: "POSTED" });
      expect((await ledger.balance(user.id)).toString()).toBe("0");
      // A repeated reference is DUPLICATE even though the wallet no longer covers it.
      expect(await ledger.debit(aDebit(user.id, 100n, "order-1"))).toMatchObject({ status: "DUPLICATE" });
    });

    it("lets exactly 10 of 50 concurrent debits through a balance that covers 10, never below zero", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 10_000n);
      let lowest = 10_000n;
      let running = true;
      const sampler = (async () => {
        while (running) {
          const balance = (await ledger.balance(user.id)).amount;
          if (balance < lowest) lowest = balance;
        }
      })();
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          ledger.debit(aDebit(user.id, 1_000n, `concurrent-${user.id}-${i}`)),
        ),
      );
      running = false;
      await sampler;
      expect(outcomes.filter((o) => o.status === "POSTED")).toHaveLength(10);
      expect(outcomes.filter((o) => o.status === "INSUFFICIENT_FUNDS")).toHaveLength(40);
      expect(lowest).toBeGreaterThanOrEqual(0n);
      expect((await ledger.balance(user.id)).toString()).toBe("0");
      const page = await ledger.entries({ userId: user.id, limit: 100 });
      expect(page.entries.filter((e) => e.kind === "DEBIT")).toHaveLength(10);
    });

    it("debits 1,000 wallets concurrently, two attempts each against one debit's worth", async () => {
      const owners = await insertUsers(database, 1000);
      await Promise.all(owners.map((u) => fundWallet(ledger, u.id, 700n)));
      const outcomes = await Promise.all(
        owners.flatMap((u) => [ledger.debit(aDebit(u.id, 700n)), ledger.debit(aDebit(u.id, 700n))]),
      );
      expect(outcomes.filter((o) => o.status === "POSTED")).toHaveLength(1000);
      const [totals] = await database.db
        .select({ n: sql<number>`count(*)::int`, total: sql<string>`sum(${wallets.balance})::text` })
        .from(wallets)
        .where(
          inArray(
            wallets.userId,
            owners.map((u) => u.id),
          ),
        );
      expect(totals).toEqual({ n: 1000, total: "0" });
    }, 120_000);

    it("moves money both ways between two wallets at once without deadlock or overdraft", async () => {
      const [a, b] = [await insertUser(database), await insertUser(database)];
      await fundWallet(ledger, a.id, 1_000n);
      await fundWallet(ledger, b.id, 1_000n);
      const transfer = (from: string, to: string) =>
        transaction(
          [
            { account: LedgerAccounts.wallet(from), amount: Rial.of(-100n) },
            { account: LedgerAccounts.wallet(to), amount: Rial.of(100n) },
          ],
          { kind: "REVERSAL" },
        );
      const outcomes = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          ledger.debit(i % 2 ? transfer(a.id, b.id) : transfer(b.id, a.id)),
        ),
      );
      expect(outcomes.every((o) => o.status !== "DUPLICATE")).toBe(true);
      const total = (await ledger.balance(a.id)).amount + (await ledger.balance(b.id)).amount;
      expect(total).toBe(2_000n);
      expect((await ledger.balance(a.id)).isNegative() || (await ledger.balance(b.id)).isNegative()).toBe(
        false,
      );
    });

    it("pages a wallet's entries newest first by keyset, both ways, ties broken by id", async () => {
      const user = await insertUser(database);
      const posted: LedgerTransaction[] = [];
      for (let i = 0; i < 25; i++) {
        // Groups of five share an instant, so the id has to break ties.
        const at = new Date(AT.getTime() + Math.floor(i / 5) * 60_000);
        const t = credit(user.id, BigInt(i + 1), { at });
        posted.push(t);
        await ledger.post(t);
      }
      const seen: string[] = [];
      let page = await ledger.entries({ userId: user.id, limit: 10 });
      const pages = [page];
      while (page.hasMore) {
        const last = page.entries.at(-1)!;
        page = await ledger.entries({ userId: user.id, limit: 10, cursor: last });
        pages.push(page);
      }
      for (const p of pages) seen.push(...p.entries.map((e) => e.transactionId));
      expect(pages.map((p) => p.entries.length)).toEqual([10, 10, 5]);
      expect(seen).toEqual(posted.map((t) => t.id).reverse());

      // Backwards: the oldest ten first, each next page the ten just newer, still newest first.
      let back = await ledger.entries({ userId: user.id, limit: 10, direction: "before" });
      const backPages = [back];
      while (back.hasMore) {
        back = await ledger.entries({
          userId: user.id,
          limit: 10,
          direction: "before",
          cursor: back.entries[0]!,
        });
        backPages.unshift(back);
      }
      expect(backPages.map((p) => p.entries.length)).toEqual([5, 10, 10]);
      expect(backPages.flatMap((p) => p.entries.map((e) => e.transactionId))).toEqual(seen);
    });

    it("refuses to update, delete or truncate ledger rows", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 10n);
      for (const table of ["ledger_transactions", "ledger_entries"]) {
        const name = sql.identifier(table);
        expect(await failureOf(database.db.execute(sql`update ${name} set created_at = now()`))).toMatch(
          /append-only: UPDATE/,
        );
        expect(await failureOf(database.db.execute(sql`delete from ${name}`))).toMatch(/append-only: DELETE/);
        expect(await failureOf(database.db.execute(sql`truncate ${name} cascade`))).toMatch(
          /append-only: TRUNCATE/,
        );
      }
      expect((await ledger.balance(user.id)).toString()).toBe("10");
    });

    it("has ledger_write refuse unbalanced entries itself, and check raw rows after it", async () => {
      const user = await insertUser(database);
      const write = (entries: { account: string; user_id: string | null; amount: string }[]) =>
        database.db.execute(
          sql`select ledger_write(${randomUUID()}::uuid, ${`raw:${randomUUID()}`}::text, 'ADMIN_CREDIT'::text, 'raw'::text, now(), ${JSON.stringify(entries.map((e) => ({ ...e, id: randomUUID() })))}::jsonb, false)`,
        );
      const wallet = { account: `wallet:${user.id}`, user_id: user.id };
      expect(
        await failureOf(
          write([
            { ...wallet, amount: "100" },
            { account: "adjustments", user_id: null, amount: "-99" },
          ]),
        ),
      ).toMatch(/does not balance or has fewer than two entries/);
      expect(await failureOf(write([]))).toMatch(/does not balance or has fewer than two entries/);
      // A raw row written after ledger_write in the same transaction is still checked at commit.
      const posted = credit(user.id, 5n);
      expect(
        await failureOf(
          database.db.transaction(async (tx) => {
            await tx.execute(
              sql`select ledger_write(${posted.id}::uuid, ${posted.reference}::text, 'ADMIN_CREDIT'::text, 'raw'::text, now(), ${JSON.stringify(
                [
                  { ...wallet, id: randomUUID(), amount: "5" },
                  { account: "adjustments", user_id: null, id: randomUUID(), amount: "-5" },
                ],
              )}::jsonb, false)`,
            );
            await tx.execute(
              sql`insert into ledger_entries (id, transaction_id, account, user_id, amount, created_at) values (${randomUUID()}, ${posted.id}, 'adjustments', null, 1, now())`,
            );
          }),
        ),
      ).toMatch(/does not balance: its entries sum to 1/);
      expect((await ledger.balance(user.id)).toString()).toBe("0");
    });

    it("refuses at commit a transaction whose entries do not balance, or that has too few", async () => {
      const user = await insertUser(database);
      const before = await count("ledger_entries");
      const insert = (entries: { account: string; userId: string | null; amount: bigint }[]) =>
        database.db.transaction(async (tx) => {
          const id = randomUUID();
          await tx.execute(
            sql`insert into ledger_transactions (id, reference, kind, reason, created_at) values (${id}, ${`raw:${id}`}, 'ADMIN_CREDIT', 'raw', now())`,
          );
          for (const e of entries) {
            await tx.execute(
              sql`insert into ledger_entries (id, transaction_id, account, user_id, amount, created_at) values (${randomUUID()}, ${id}, ${e.account}, ${e.userId}, ${e.amount.toString()}::bigint, now())`,
            );
          }
        });
      const wallet = { account: `wallet:${user.id}`, userId: user.id };
      expect(
        await failureOf(
          insert([
            { ...wallet, amount: 100n },
            { account: "adjustments", userId: null, amount: -99n },
          ]),
        ),
      ).toMatch(/does not balance: its entries sum to 1/);
      expect(await failureOf(insert([]))).toMatch(/fewer than two entries/);
      expect(
        await failureOf(
          insert([
            { account: `wallet:${randomUUID()}`, userId: user.id, amount: 5n },
            { account: "adjustments", userId: null, amount: -5n },
          ]),
        ),
      ).toMatch(/ledger_entries_wallet_owner_check/);
      // A balanced one commits, and the database still answers after the refusals.
      await insert([
        { ...wallet, amount: 0n + 7n },
        { account: "adjustments", userId: null, amount: -7n },
      ]);
      expect(await count("ledger_entries")).toBe(before + 2);
      // Written behind the adapter's back, so the wallet row is brought in line for the ledger check.
      await database.db.execute(
        sql`insert into wallets (user_id, balance, updated_at) values (${user.id}, 7, now())`,
      );
    });
  });
}
