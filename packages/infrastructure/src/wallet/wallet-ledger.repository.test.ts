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
