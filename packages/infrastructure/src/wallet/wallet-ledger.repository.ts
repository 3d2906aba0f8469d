import type {
  IdGenerator,
  LedgerDebitOutcome,
  LedgerEntryCursor,
  LedgerEntryPage,
  LedgerPostOutcome,
  WalletLedger,
} from "@peykarband/application";
import {
  LEDGER_TRANSACTION_KINDS,
  LedgerTransaction,
  ledgerAccountKey,
  parseLedgerAccountKey,
  Rial,
  walletOwner,
  type LedgerAccount,
  type LedgerEntry,
  type LedgerTransactionKind,
} from "@peykarband/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { ledgerEntries, ledgerTransactions, wallets } from "../database/schema.ts";
import { SystemClock } from "../system/system.clock.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";

/** What `Db.transaction` hands its callback: the same query API, bound to one transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Thrown inside a database transaction to roll it back and still answer with an outcome. */
class Refused {
  constructor(readonly outcome: LedgerDebitOutcome) {}
}

/**
 * Writes one ledger transaction inside the caller's database transaction (shared with
 * `DrizzlePaymentRepository.settle`). The reference row goes in first, so a concurrent post of the
 * same reference waits on the unique index and then sees it; wallet rows are changed last and in
 * user-id order, so row locks are held briefly and always taken in the same order.
 */
export async function writeLedgerTransaction(
  tx: Tx,
  transaction: LedgerTransaction,
  options: { guarded: boolean; entryIds: IdGenerator },
): Promise<LedgerDebitOutcome> {
  const [inserted] = await tx
    .insert(ledgerTransactions)
    .values({
      id: transaction.id,
      reference: transaction.reference,
      kind: transaction.kind,
      reason: transaction.reason,
      createdAt: transaction.createdAt,
    })
    .onConflictDoNothing({ target: ledgerTransactions.reference })
    .returning({ id: ledgerTransactions.id });
  if (!inserted) {
    const earlier = await loadTransaction(tx, transaction.reference);
    if (!earlier) throw new Error(`ledger reference ${transaction.reference} conflicted but is not stored`);
    return { status: "DUPLICATE", transaction: earlier };
  }
  await tx.insert(ledgerEntries).values(
    transaction.entries.map((entry) => ({
      id: options.entryIds.newId(),
      transactionId: transaction.id,
      account: ledgerAccountKey(entry.account),
      userId: walletOwner(entry.account),
      amount: entry.amount.amount,
      createdAt: transaction.createdAt,
    })),
  );
  const changes = [...transaction.walletChanges()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [userId, change] of changes) {
    if (options.guarded && change.isNegative()) {
      const [taken] = await tx
        .update(wallets)
        .set({
          balance: sql`${wallets.balance} + ${change.toString()}::bigint`,
          updatedAt: transaction.createdAt,
        })
        .where(and(eq(wallets.userId, userId), sql`${wallets.balance} + ${change.toString()}::bigint >= 0`))
        .returning({ userId: wallets.userId });
      if (!taken) {
        throw new Refused({ status: "INSUFFICIENT_FUNDS", userId, balance: await balanceOf(tx, userId) });
      }
    } else {
      await tx
        .insert(wallets)
        .values({ userId, balance: change.amount, updatedAt: transaction.createdAt })
        .onConflictDoUpdate({
          target: wallets.userId,
          set: { balance: sql`${wallets.balance} + excluded.balance`, updatedAt: sql`excluded.updated_at` },
        });
    }
  }
  return { status: "POSTED", transaction };
}

/**
 * Runs `work` in one database transaction; a `Refused` thrown inside rolls it back and becomes
 * the answer.
 */
export async function inLedgerTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
): Promise<T | LedgerDebitOutcome> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}

export class DrizzleWalletLedger implements WalletLedger {
  constructor(
    private readonly db: Db,
    /** Entry ids: time-ordered, so a wallet's entries of one instant still list in posting order. */
    private readonly entryIds: IdGenerator = new UuidV7Generator(new SystemClock()),
  ) {}

  async post(transaction: LedgerTransaction): Promise<LedgerPostOutcome> {
    const outcome = await this.db.transaction((tx) =>
      writeLedgerTransaction(tx, transaction, { guarded: false, entryIds: this.entryIds }),
    );
    if (outcome.status === "INSUFFICIENT_FUNDS") throw new Error("an unguarded post was refused");
    return outcome;
  }

  debit(transaction: LedgerTransaction): Promise<LedgerDebitOutcome> {
    return inLedgerTransaction(this.db, (tx) =>
      writeLedgerTransaction(tx, transaction, { guarded: true, entryIds: this.entryIds }),
    );
  }

  async balance(userId: string): Promise<Rial> {
    return isUuid(userId) ? balanceOf(this.db, userId) : Rial.zero;
  }

  async entries(query: {
    userId: string;
    limit: number;
    after?: LedgerEntryCursor;
  }): Promise<LedgerEntryPage> {
    if (!isUuid(query.userId)) return { entries: [], hasMore: false };
    const after = query.after;
    const rows = await this.db
      .select({ entry: ledgerEntries, transaction: ledgerTransactions })
      .from(ledgerEntries)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
      .where(
        and(
          eq(ledgerEntries.userId, query.userId),
          after &&
            sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
        ),
      )
      // "nulls last" as the index declares it: plain DESC (nulls first) would not use the index.
      .orderBy(sql`${ledgerEntries.createdAt} desc nulls last`, sql`${ledgerEntries.id} desc nulls last`)
      .limit(query.limit + 1);
    return {
      entries: rows.slice(0, query.limit).map(({ entry, transaction }) => toEntry(entry, transaction)),
      hasMore: rows.length > query.limit,
    };
  }

  findByReference(reference: string): Promise<LedgerTransaction | null> {
    return loadTransaction(this.db, reference);
  }
}

async function balanceOf(db: Db | Tx, userId: string): Promise<Rial> {
  const [row] = await db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, userId));
  return Rial.of(row?.balance ?? 0n);
}

async function loadTransaction(db: Db | Tx, reference: string): Promise<LedgerTransaction | null> {
  const rows = await db
    .select({ entry: ledgerEntries, transaction: ledgerTransactions })
    .from(ledgerTransactions)
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(eq(ledgerTransactions.reference, reference))
    .orderBy(asc(ledgerEntries.id));
  const first = rows[0];
  if (!first) return null;
  const { transaction } = first;
  const loaded = LedgerTransaction.create({
    id: transaction.id,
    kind: toKind(transaction.kind),
    reference: transaction.reference,
    reason: transaction.reason,
    entries: rows.map(({ entry }) => ({ account: toAccount(entry.account), amount: Rial.of(entry.amount) })),
    createdAt: transaction.createdAt,
  });
  if (!loaded.ok) throw new Error(`stored ledger transaction ${transaction.id}: ${loaded.error.message}`);
  return loaded.value;
}

function toEntry(
  entry: typeof ledgerEntries.$inferSelect,
  transaction: typeof ledgerTransactions.$inferSelect,
): LedgerEntry {
  return {
    id: entry.id,
    transactionId: entry.transactionId,
    kind: toKind(transaction.kind),
    reference: transaction.reference,
    reason: transaction.reason,
    account: toAccount(entry.account),
    amount: Rial.of(entry.amount),
    createdAt: entry.createdAt,
  };
}

const isKind = (value: string): value is LedgerTransactionKind =>
  (LEDGER_TRANSACTION_KINDS as readonly string[]).includes(value);

function toKind(kind: string): LedgerTransactionKind {
  if (!isKind(kind)) throw new Error(`stored ledger transaction kind is unknown: ${kind}`);
  return kind;
}

export function toAccount(key: string): LedgerAccount {
  const account = parseLedgerAccountKey(key);
  if (!account) throw new Error(`stored ledger account is unknown: ${key}`);
  return account;
}
