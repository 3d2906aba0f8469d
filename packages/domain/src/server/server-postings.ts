import type { Rial } from "../money/rial.ts";
import { LedgerAccounts } from "../wallet/ledger-account.ts";
import { LedgerTransaction } from "../wallet/ledger-transaction.ts";

/** One order charges once: the ledger's unique reference makes a repeated order a no-op. */
export const serverOrderReference = (serverId: string): string => `server:${serverId}:order`;
/** One failure refunds once, however many workers see the server fail. */
export const serverRefundReference = (serverId: string): string => `server:${serverId}:refund`;

function built(result: ReturnType<typeof LedgerTransaction.create>, what: string): LedgerTransaction {
  // Ids, amounts and references here come from our own rows: a refusal is a bug, not input.
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

/** The first hour of the plan, taken at order: wallet → revenue. */
export function serverOrderCharge(input: {
  readonly id: string;
  readonly serverId: string;
  readonly userId: string;
  readonly serverName: string;
  readonly amount: Rial;
  readonly at: Date;
}): LedgerTransaction {
  return built(
    LedgerTransaction.create({
      id: input.id,
      kind: "DEBIT",
      reference: serverOrderReference(input.serverId),
      reason: `Server ${input.serverName}: first hour`,
      entries: [
        { account: LedgerAccounts.wallet(input.userId), amount: input.amount.negate() },
        { account: LedgerAccounts.revenue, amount: input.amount },
      ],
      createdAt: input.at,
    }),
    `order charge of server ${input.serverId}`,
  );
}

/** A server that FAILED gives its first charge back, exactly: revenue → wallet, the order's amount. */
export function serverFailureRefund(input: {
  readonly id: string;
  readonly serverId: string;
  readonly userId: string;
  readonly serverName: string;
  /** What the order charged (read back from its transaction, not re-priced). */
  readonly amount: Rial;
  readonly at: Date;
}): LedgerTransaction {
  return built(
    LedgerTransaction.create({
      id: input.id,
      kind: "REFUND",
      reference: serverRefundReference(input.serverId),
      reason: `Server ${input.serverName} could not be created: first hour refunded`,
      entries: [
        { account: LedgerAccounts.wallet(input.userId), amount: input.amount },
        { account: LedgerAccounts.revenue, amount: input.amount.negate() },
      ],
      createdAt: input.at,
    }),
    `refund of server ${input.serverId}`,
  );
}
