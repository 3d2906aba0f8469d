import type { WalletLedger } from "@peykarband/application";
import {
  adminAdjustmentTransaction,
  newPayment,
  Rial,
  walletDebitTransaction,
  type LedgerTransaction,
  type Payment,
} from "@peykarband/domain";
import { randomUUID } from "node:crypto";

/** A PENDING payment that is not stored yet, with a unique id and idempotency key. */
export function aPayment(userId: string, overrides: Partial<Payment> = {}): Payment {
  return {
    ...newPayment({
      id: randomUUID(),
      userId,
      amount: Rial.of(250_000n),
      gateway: "ZARINPAL",
      idempotencyKey: `key-${randomUUID()}`,
      createdAt: new Date("2026-03-21T08:00:00.000Z"),
    }),
    ...overrides,
  };
}

/** Credits a wallet through the ledger (an ADMIN_CREDIT), so its balance and entries agree. */
export async function fundWallet(ledger: WalletLedger, userId: string, rials: bigint): Promise<void> {
  const built = adminAdjustmentTransaction({
    id: randomUUID(),
    userId,
    amount: Rial.of(rials),
    reference: `fixture:${randomUUID()}`,
    reason: "Test funds",
    at: new Date("2026-03-21T08:00:00.000Z"),
  });
  if (!built.ok) throw new Error(built.error.message);
  const outcome = await ledger.post(built.value);
  if (outcome.status !== "POSTED") throw new Error(`fixture credit not posted: ${outcome.status}`);
}

/** A DEBIT of `rials` from the user's wallet to revenue, as `debitWallet` builds it. */
export function aDebit(userId: string, rials: bigint, reference: string = randomUUID()): LedgerTransaction {
  const built = walletDebitTransaction({
    id: randomUUID(),
    userId,
    amount: Rial.of(rials),
    reference,
    reason: "Server order",
    at: new Date("2026-03-21T09:00:00.000Z"),
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}
