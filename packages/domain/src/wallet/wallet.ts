import { Rial } from "../money/rial.ts";
import { ledgerAccountKey, LedgerAccounts } from "./ledger-account.ts";
import type { LedgerLine } from "./ledger-transaction.ts";

/** A customer's rial wallet. Its balance is, by definition, the sum of its ledger entries. */
export interface Wallet {
  readonly userId: string;
  readonly balance: Rial;
}

/** The sum of a user's wallet entries among `entries` (other accounts are ignored). */
export function walletBalanceOf(userId: string, entries: Iterable<LedgerLine>): Rial {
  const key = ledgerAccountKey(LedgerAccounts.wallet(userId));
  let sum = 0n;
  for (const entry of entries) if (ledgerAccountKey(entry.account) === key) sum += entry.amount.amount;
  return Rial.of(sum);
}
