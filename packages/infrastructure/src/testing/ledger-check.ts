import type { Db } from "../database/database.ts";
import { checkLedger } from "../wallet/ledger-check.ts";

export { checkLedger, ledgerSnapshot } from "../wallet/ledger-check.ts";

/**
 * The check every wallet and payment test file runs when it ends: the whole ledger sums to zero,
 * every transaction balances, every wallet's balance equals the sum of its entries.
 */
export async function expectLedgerBalanced(db: Db): Promise<void> {
  const problems = await checkLedger(db);
  if (problems.length > 0) throw new Error(`ledger out of balance:\n- ${problems.join("\n- ")}`);
}
