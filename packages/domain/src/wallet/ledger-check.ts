import type { Rial } from "../money/rial.ts";
import type { LedgerEntry } from "./ledger-transaction.ts";

/** Everything a store holds, read in one consistent snapshot. */
export interface LedgerSnapshot {
  readonly entries: readonly Pick<LedgerEntry, "transactionId" | "account" | "amount">[];
  /** The balance each wallet keeps beside its entries (the column a conditional debit updates). */
  readonly walletBalances: ReadonlyMap<string, Rial>;
}

/**
 * The ledger's invariants, as a list of what is wrong (empty when all hold): every transaction has
 * at least two entries and sums to zero, so the whole ledger sums to zero; every wallet's kept
 * balance equals the sum of its entries. Pure, so tests, the database adapter's tests and an
 * operations check can all run it over their own snapshot.
 */
export function findLedgerProblems(snapshot: LedgerSnapshot): string[] {
  const problems: string[] = [];
  const perTransaction = new Map<string, { sum: bigint; count: number }>();
  const perWallet = new Map<string, bigint>();
  let total = 0n;
  for (const entry of snapshot.entries) {
    total += entry.amount.amount;
    const tx = perTransaction.get(entry.transactionId) ?? { sum: 0n, count: 0 };
    perTransaction.set(entry.transactionId, { sum: tx.sum + entry.amount.amount, count: tx.count + 1 });
    if (entry.account.kind === "CUSTOMER_WALLET") {
      const userId = entry.account.userId;
      perWallet.set(userId, (perWallet.get(userId) ?? 0n) + entry.amount.amount);
    }
  }
  if (total !== 0n) problems.push(`all entries sum to ${total} rials instead of zero`);
  for (const [id, { sum, count }] of perTransaction) {
    if (sum !== 0n) problems.push(`transaction ${id} sums to ${sum} rials`);
    if (count < 2) problems.push(`transaction ${id} has ${count} entry`);
  }
  for (const [userId, sum] of perWallet) {
    const kept = snapshot.walletBalances.get(userId)?.amount;
    if (kept !== sum)
      problems.push(`wallet ${userId} keeps ${kept ?? "no"} balance, its entries sum to ${sum}`);
  }
  for (const [userId, kept] of snapshot.walletBalances) {
    if (!perWallet.has(userId) && kept.amount !== 0n) {
      problems.push(`wallet ${userId} keeps ${kept} rials with no entries`);
    }
  }
  return problems;
}
