import {
  LEDGER_TRANSACTION_KINDS,
  LedgerTransaction,
  parseLedgerAccountKey,
  Rial,
  type LedgerAccount,
  type LedgerEntry,
  type LedgerTransactionKind,
} from "@peykarband/domain";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { ledgerEntries, ledgerTransactions, wallets } from "../database/schema.ts";
import type { Tx } from "./ledger-write.ts";

export async function balanceOf(db: Db | Tx, userId: string): Promise<Rial> {
  const [row] = await db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, userId));
  return Rial.of(row?.balance ?? 0n);
}

export async function loadTransaction(db: Db | Tx, reference: string): Promise<LedgerTransaction | null> {
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

export function toEntry(
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
