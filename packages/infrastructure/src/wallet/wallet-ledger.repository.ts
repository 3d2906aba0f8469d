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

/** What `ledger_write` (migration 0004) raises when a guarded write would overdraw a wallet. */
const INSUFFICIENT_FUNDS = "PK001";

/**
 * Writes one ledger transaction with a single call of the database function `ledger_write`
 * (migration 0004): reference row, entries and wallet balances in one statement. Outside a
 * transaction it commits on its own; inside one (`DrizzlePaymentRepository.settle`) it is part of
 * it. A guarded write that would overdraw a wallet fails the statement, which undoes all it wrote
 * (and aborts an enclosing transaction, so only unguarded writes run inside one).
 */
export async function writeLedgerTransaction(
  db: Db | Tx,
  transaction: LedgerTransaction,
  options: { guarded: boolean; entryIds: IdGenerator },
): Promise<LedgerDebitOutcome> {
  const entries = JSON.stringify(
    transaction.entries.map((entry) => ({
      id: options.entryIds.newId(),
      account: ledgerAccountKey(entry.account),
      user_id: walletOwner(entry.account),
      amount: entry.amount.toString(),
    })),
  );
  let written: { status: string }[];
  try {
    written = await db
      .select({ status: sql<string>`written.status` })
      .from(
        sql`ledger_write(${transaction.id}::uuid, ${transaction.reference}::text, ${transaction.kind}::text, ${transaction.reason}::text, ${transaction.createdAt.toISOString()}::timestamptz, ${entries}::jsonb, ${options.guarded}::boolean) as written(status)`,
      );
  } catch (error) {
    const refusal = insufficientFunds(error);
    if (refusal) return refusal;
    throw error;
  }
  const status = written[0]?.status;
  if (status === "POSTED") return { status: "POSTED", transaction };
  if (status !== "DUPLICATE") throw new Error(`ledger_write answered ${String(status)}`);
  const earlier = await loadTransaction(db, transaction.reference);
  if (!earlier) throw new Error(`ledger reference ${transaction.reference} conflicted but is not stored`);
  return { status: "DUPLICATE", transaction: earlier };
}

/** Both drivers' errors carry PostgreSQL's SQLSTATE and DETAIL; drizzle wraps them as `cause`. */
function insufficientFunds(error: unknown): LedgerDebitOutcome | null {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (typeof cause !== "object" || cause === null) return null;
  const { code, detail } = cause as { code?: unknown; detail?: unknown };
  if (code !== INSUFFICIENT_FUNDS || typeof detail !== "string") return null;
  const { userId, balance } = JSON.parse(detail) as { userId: string; balance: string };
  return { status: "INSUFFICIENT_FUNDS", userId, balance: Rial.of(BigInt(balance)) };
}

export class DrizzleWalletLedger implements WalletLedger {
  constructor(
    private readonly db: Db,
    /** Entry ids: time-ordered, so a wallet's entries of one instant still list in posting order. */
    private readonly entryIds: IdGenerator = new UuidV7Generator(new SystemClock()),
  ) {}

  async post(transaction: LedgerTransaction): Promise<LedgerPostOutcome> {
    const outcome = await writeLedgerTransaction(this.db, transaction, {
      guarded: false,
      entryIds: this.entryIds,
    });
    if (outcome.status === "INSUFFICIENT_FUNDS") throw new Error("an unguarded post was refused");
    return outcome;
  }

  debit(transaction: LedgerTransaction): Promise<LedgerDebitOutcome> {
    return writeLedgerTransaction(this.db, transaction, { guarded: true, entryIds: this.entryIds });
  }

  async balance(userId: string): Promise<Rial> {
    return isUuid(userId) ? balanceOf(this.db, userId) : Rial.zero;
  }

  async entries(query: {
    userId: string;
    limit: number;
    direction?: "after" | "before";
    cursor?: LedgerEntryCursor;
  }): Promise<LedgerEntryPage> {
    if (!isUuid(query.userId)) return { entries: [], hasMore: false };
    const { cursor } = query;
    const backward = query.direction === "before";
    const position = cursor && sql`(${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
    const rows = await this.db
      .select({ entry: ledgerEntries, transaction: ledgerTransactions })
      .from(ledgerEntries)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
      .where(
        and(
          eq(ledgerEntries.userId, query.userId),
          position &&
            (backward
              ? sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) > ${position}`
              : sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) < ${position}`),
        ),
      )
      // The index is "desc nulls last"; plain DESC (nulls first) would not use it, and backwards
      // its exact reverse, "asc nulls first", reads it from the other end.
      .orderBy(
        ...(backward
          ? [sql`${ledgerEntries.createdAt} asc nulls first`, sql`${ledgerEntries.id} asc nulls first`]
          : [sql`${ledgerEntries.createdAt} desc nulls last`, sql`${ledgerEntries.id} desc nulls last`]),
      )
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map(({ entry, transaction }) => toEntry(entry, transaction));
    return { entries: backward ? page.reverse() : page, hasMore: rows.length > query.limit };
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
