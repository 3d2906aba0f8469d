import { findLedgerProblems, type LedgerSnapshot } from "@peykarband/domain";

/**
 * The ledger check every wallet test runs when it ends: the whole ledger sums to zero, every
 * transaction balances, every wallet's kept balance equals the sum of its entries. Throws with
 * the list of problems. Takes a snapshot source, so a database-backed ledger can be checked too.
 */
export function assertLedgerBalanced(ledger: { snapshot(): LedgerSnapshot }): void {
  const problems = findLedgerProblems(ledger.snapshot());
  if (problems.length > 0) throw new Error(`ledger out of balance:\n- ${problems.join("\n- ")}`);
}
