import type { IdGenerator, LedgerDebitOutcome } from "@peykarband/application";
import { ledgerAccountKey, Rial, walletOwner, type LedgerTransaction } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { loadTransaction } from "./ledger-read.ts";

/** What `Db.transaction` hands its callback: the same query API, bound to one transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What `ledger_write` (migration 0004) raises when a guarded write would overdraw a wallet. */
const INSUFFICIENT_FUNDS = "PK001";

/** A transaction as `ledger_write` and `ledger_write_batch` take it: entries as JSON, with ids. */
function writeArguments(transaction: LedgerTransaction, entryIds: IdGenerator) {
  return {
    id: transaction.id,
    reference: transaction.reference,
    kind: transaction.kind,
    reason: transaction.reason,
    createdAt: transaction.createdAt.toISOString(),
    entries: transaction.entries.map((entry) => ({
      id: entryIds.newId(),
      account: ledgerAccountKey(entry.account),
      user_id: walletOwner(entry.account),
      amount: entry.amount.toString(),
    })),
  };
}

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
  const write = writeArguments(transaction, options.entryIds);
  let written: { status: string }[];
  try {
    written = await db
      .select({ status: sql<string>`written.status` })
      .from(
        sql`ledger_write(${write.id}::uuid, ${write.reference}::text, ${write.kind}::text, ${write.reason}::text, ${write.createdAt}::timestamptz, ${JSON.stringify(write.entries)}::jsonb, ${options.guarded}::boolean) as written(status)`,
      );
  } catch (error) {
    const detail = insufficientFundsDetail(error);
    if (detail !== null) return refusal(detail);
    throw error;
  }
  return outcomeOf(db, transaction, written[0]?.status);
}

/**
 * Writes guarded transactions (debits) in order with one call of `ledger_write_batch` (migration
 * 0006), one outcome each, as if each had been written alone by `ledger_write`. Rejects, having
 * written nothing, when the batch holds what only a write alone can answer for (see the
 * migration); the caller then writes them one by one.
 */
export async function writeDebitBatch(
  db: Db,
  transactions: readonly LedgerTransaction[],
  entryIds: IdGenerator,
): Promise<Promise<LedgerDebitOutcome>[]> {
  const writes = JSON.stringify(transactions.map((transaction) => writeArguments(transaction, entryIds)));
  const rows = await db
    .select({ status: sql<string>`written.status`, detail: sql<string | null>`written.detail` })
    .from(sql`ledger_write_batch(${writes}::jsonb) as written(ordinal, status, detail)`)
    .orderBy(sql`written.ordinal`);
  if (rows.length !== transactions.length) {
    throw new Error(`ledger_write_batch answered ${rows.length} of ${transactions.length} writes`);
  }
  return transactions.map((transaction, i) => {
    const { status, detail } = rows[i]!;
    if (status === "INSUFFICIENT_FUNDS" && detail !== null) return Promise.resolve(refusal(detail));
    return outcomeOf(db, transaction, status);
  });
}

async function outcomeOf(
  db: Db | Tx,
  transaction: LedgerTransaction,
  status: string | undefined,
): Promise<LedgerDebitOutcome> {
  if (status === "POSTED") return { status: "POSTED", transaction };
  if (status !== "DUPLICATE") throw new Error(`ledger_write answered ${String(status)}`);
  const earlier = await loadTransaction(db, transaction.reference);
  if (!earlier) throw new Error(`ledger reference ${transaction.reference} conflicted but is not stored`);
  return { status: "DUPLICATE", transaction: earlier };
}

/** Both drivers' errors carry PostgreSQL's SQLSTATE and DETAIL; drizzle wraps them as `cause`. */
function insufficientFundsDetail(error: unknown): string | null {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (typeof cause !== "object" || cause === null) return null;
  const { code, detail } = cause as { code?: unknown; detail?: unknown };
  return code === INSUFFICIENT_FUNDS && typeof detail === "string" ? detail : null;
}

/** `ledger_write`'s DETAIL names the wallet and what it holds, as JSON. */
function refusal(detail: string): LedgerDebitOutcome {
  const { userId, balance } = JSON.parse(detail) as { userId: string; balance: string };
  return { status: "INSUFFICIENT_FUNDS", userId, balance: Rial.of(BigInt(balance)) };
}
