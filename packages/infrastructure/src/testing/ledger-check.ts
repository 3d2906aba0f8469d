import { findLedgerProblems, Rial, type LedgerSnapshot } from "@peykarband/domain";
import type { Db } from "../database/database.ts";
import { ledgerEntries, wallets } from "../database/schema.ts";
import { toAccount } from "../wallet/ledger-read.ts";

/** Every entry and every kept wallet balance, read in one repeatable-read snapshot. */
export function ledgerSnapshot(db: Db): Promise<LedgerSnapshot> {
  return db.transaction(
    async (tx) => {
      const entries = await tx
        .select({
          transactionId: ledgerEntries.transactionId,
          account: ledgerEntries.account,
          amount: ledgerEntries.amount,
        })
        .from(ledgerEntries);
      const balances = await tx.select().from(wallets);
      return {
        entries: entries.map((e) => ({ ...e, account: toAccount(e.account), amount: Rial.of(e.amount) })),
        walletBalances: new Map(balances.map((w) => [w.userId, Rial.of(w.balance)])),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** What is wrong with the stored ledger (the domain's `findLedgerProblems`); empty when it balances. */
export async function checkLedger(db: Db): Promise<string[]> {
  return findLedgerProblems(await ledgerSnapshot(db));
}

/**
 * The check every wallet and payment test file runs when it ends: the whole ledger sums to zero,
 * every transaction balances, every wallet's balance equals the sum of its entries.
 */
export async function expectLedgerBalanced(db: Db): Promise<void> {
  const problems = await checkLedger(db);
  if (problems.length > 0) throw new Error(`ledger out of balance:\n- ${problems.join("\n- ")}`);
}
