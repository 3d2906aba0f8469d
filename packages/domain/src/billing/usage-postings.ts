import type { Rial } from "../money/rial.ts";
import { LedgerAccounts } from "../wallet/ledger-account.ts";
import { LedgerTransaction } from "../wallet/ledger-transaction.ts";

/**
 * One usage posting per server and settled window, named by where the window starts: the window
 * after it starts where this one ended, so two settlements of the same server can never both post
 * the same time. The database writes these set-wise; the name is the same.
 */
export const usageReference = (serverId: string, windowStart: Date): string =>
  `usage:${serverId}:${windowStart.toISOString()}`;

/** The reseller's margin on a usage posting (migration 0015's `billing_settle` writes it). */
export const usageMarginReference = (serverId: string, windowStart: Date): string =>
  `usage-margin:${serverId}:${windowStart.toISOString()}`;

export const usageWaiverReference = (key: string): string => `usage-waiver:${key}`;

/** Staff forgive part of a server's usage, openly: revenue gives it back to the wallet, with the reason. */
export function usageWaiverTransaction(input: {
  readonly id: string;
  readonly userId: string;
  readonly serverId: string;
  readonly serverName: string;
  readonly amount: Rial;
  readonly key: string;
  readonly reason: string;
  readonly at: Date;
}): LedgerTransaction {
  const built = LedgerTransaction.create({
    id: input.id,
    kind: "REFUND",
    reference: usageWaiverReference(input.key),
    reason: `Usage of server ${input.serverName} waived: ${input.reason}`,
    entries: [
      { account: LedgerAccounts.wallet(input.userId), amount: input.amount },
      { account: LedgerAccounts.revenue, amount: input.amount.negate() },
    ],
    createdAt: input.at,
  });
  // The use case checks the amount and the reason first: a refusal here is a bug.
  if (!built.ok) throw new Error(`usage waiver of server ${input.serverId}: ${built.error.message}`);
  return built.value;
}
