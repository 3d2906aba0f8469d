import { findLedgerProblems, Rial, type LedgerSnapshot } from "@peykarband/domain";
import type { Db } from "../database/database.ts";
import { ledgerEntries, wallets } from "../database/schema.ts";
import { toAccount } from "./ledger-read.ts";

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

/**
 * What is wrong with the stored ledger (the domain's `findLedgerProblems`); empty when it balances.
 * Reads every entry: the worker runs it hourly, the tests after each file.
 */
export async function checkLedger(db: Db): Promise<string[]> {
  return findLedgerProblems(await ledgerSnapshot(db));
}
