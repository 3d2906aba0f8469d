import type { LedgerEntry, LedgerTransaction, Rial } from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";

/** A position in a wallet's statement: an entry's `createdAt` and `id`. */
export interface LedgerEntryCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface LedgerEntryPage {
  /** Newest first. */
  readonly entries: LedgerEntry[];
  /** More entries lie beyond this page in the direction read. */
  readonly hasMore: boolean;
}

export type LedgerPostOutcome =
  | { readonly status: "POSTED"; readonly transaction: LedgerTransaction }
  /** The reference was posted before: nothing was written; this is what was posted then. */
  | { readonly status: "DUPLICATE"; readonly transaction: LedgerTransaction };

export type LedgerDebitOutcome =
  | LedgerPostOutcome
  /** Posting would take a wallet below zero: nothing was written. `balance` is what it holds now. */
  | { readonly status: "INSUFFICIENT_FUNDS"; readonly userId: string; readonly balance: Rial };

/**
 * The double-entry ledger. Transactions arrive already balanced (`LedgerTransaction.create`
 * refuses anything else); the store makes them durable, atomic and idempotent. Entries are
 * append-only: there is no update and no delete.
 *
 * Adapters keep, beside the entries, one balance row per wallet, changed in the same database
 * transaction as the entries it sums, and a unique index on the transaction's `reference`.
 */
export interface WalletLedger {
  /**
   * Writes the transaction and its entries and moves the wallet balances it touches, all in one
   * database transaction, with no overdraft check (credits, top-ups). A reference posted before
   * returns DUPLICATE with the stored transaction and writes nothing: the unique index on
   * `reference` decides, not a read-then-write.
   */
  post(transaction: LedgerTransaction): Promise<LedgerPostOutcome>;
  /**
   * Like `post`, but refuses (INSUFFICIENT_FUNDS, nothing written) if any wallet the transaction
   * takes money from would end below zero. Must hold under any concurrency, across processes:
   * adapters take the money with one conditional statement per wallet that loses money,
   * `UPDATE wallet_balances SET balance = balance + $change WHERE user_id = $1 AND balance + $change >= 0`
   * and treat "no row updated" as INSUFFICIENT_FUNDS (rolling the whole transaction back), or
   * lock the balance rows (`SELECT … FOR UPDATE`, in user-id order) before checking. Never read
   * the balance, compare in code, then write without a lock. A repeated reference returns
   * DUPLICATE with the earlier transaction, whether or not the wallet still covers it; a refused
   * debit stores nothing, so its reference stays free for a later attempt.
   */
  debit(transaction: LedgerTransaction): Promise<LedgerDebitOutcome>;
  /** The wallet's balance: zero for a user with no entries. */
  balance(userId: string): Promise<Rial>;
  /** The wallet's entries, newest first, keyset-paged either way. */
  entries(query: { userId: string } & KeysetPageQuery<LedgerEntryCursor>): Promise<LedgerEntryPage>;
  /** How many entries `entries` pages through for this user. */
  countEntries(userId: string): Promise<number>;
  findByReference(reference: string): Promise<LedgerTransaction | null>;
}
