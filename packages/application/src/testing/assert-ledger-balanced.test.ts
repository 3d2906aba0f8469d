import { adminAdjustmentTransaction, Rial } from "@peykarband/domain";
import { describe, expect, it } from "vitest";
import { assertLedgerBalanced } from "./assert-ledger-balanced.ts";
import { InMemoryWalletLedger } from "./in-memory-wallet-ledger.ts";

const credit = (userId: string, amount: bigint, reference: string) => {
  const tx = adminAdjustmentTransaction({
    id: reference,
    userId,
    amount: Rial.of(amount),
    reference,
    reason: "test",
    at: new Date("2026-11-25T10:00:00Z"),
  });
  if (!tx.ok) throw new Error(tx.error.message);
  return tx.value;
};

describe("assertLedgerBalanced", () => {
  it("passes a ledger written through its port", async () => {
    const ledger = new InMemoryWalletLedger();
    await ledger.post(credit("u-1", 5_000n, "a"));
    await ledger.debit(credit("u-1", -2_000n, "b"));
    expect(() => assertLedgerBalanced(ledger)).not.toThrow();
  });

  it("catches a kept balance changed behind the ledger's back, and an entry without its other half", async () => {
    const ledger = new InMemoryWalletLedger();
    await ledger.post(credit("u-1", 5_000n, "a"));
    ledger.balances.set("u-1", 6_000n);
    expect(() => assertLedgerBalanced(ledger)).toThrow(/wallet u-1 keeps 6000 balance/);
    ledger.balances.set("u-1", 5_000n);
    ledger.rows.pop();
    expect(() => assertLedgerBalanced(ledger)).toThrow(/sum to 5000 rials instead of zero/);
  });
});
