import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import {
  LedgerAccounts,
  ledgerAccountKey,
  parseLedgerAccountKey,
  type LedgerAccount,
} from "./ledger-account.ts";
import { LedgerTransaction, type NewLedgerTransaction } from "./ledger-transaction.ts";

const at = new Date("2026-11-25T10:00:00Z");
const line = (account: LedgerAccount, amount: bigint) => ({ account, amount: Rial.of(amount) });
const tx = (change: Partial<NewLedgerTransaction> = {}) =>
  LedgerTransaction.create({
    id: "tx-1",
    kind: "TOP_UP",
    reference: "top-up:p-1",
    reason: "Top-up",
    entries: [line(LedgerAccounts.wallet("u-1"), 5_000n), line(LedgerAccounts.clearing("IDPAY"), -5_000n)],
    createdAt: at,
    ...change,
  });

describe("LedgerTransaction", () => {
  it("accepts entries that sum to zero and keeps them", () => {
    const result = tx();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.entries.map((e) => e.amount.toString())).toEqual(["5000", "-5000"]);
    expect(result.value.walletChanges().get("u-1")?.toString()).toBe("5000");
  });

  it("refuses an unbalanced transaction, by one rial too", () => {
    const entries = [line(LedgerAccounts.wallet("u-1"), 5_000n), line(LedgerAccounts.revenue, -4_999n)];
    expect(tx({ entries })).toMatchObject({ ok: false, error: { code: "UNBALANCED_TRANSACTION" } });
  });

  it("refuses fewer than two entries and zero entries", () => {
    expect(tx({ entries: [] })).toMatchObject({ ok: false, error: { code: "TOO_FEW_ENTRIES" } });
    expect(tx({ entries: [line(LedgerAccounts.revenue, 0n)] })).toMatchObject({
      ok: false,
      error: { code: "TOO_FEW_ENTRIES" },
    });
    const zero = [line(LedgerAccounts.revenue, 0n), line(LedgerAccounts.adjustments, 0n)];
    expect(tx({ entries: zero })).toMatchObject({ ok: false, error: { code: "ZERO_ENTRY" } });
  });

  it("sums exactly past the range of one amount", () => {
    const max = 2n ** 63n - 1n;
    const entries = [
      line(LedgerAccounts.wallet("u-1"), max),
      line(LedgerAccounts.wallet("u-2"), max),
      line(LedgerAccounts.adjustments, -max),
      line(LedgerAccounts.revenue, -max),
    ];
    expect(tx({ entries }).ok).toBe(true);
    expect(tx({ entries: entries.slice(0, 3) })).toMatchObject({
      ok: false,
      error: { code: "UNBALANCED_TRANSACTION" },
    });
  });

  it.each([
    ["", "INVALID_REFERENCE"],
    ["   ", "INVALID_REFERENCE"],
    ["a\nb", "INVALID_REFERENCE"],
    ["x".repeat(201), "INVALID_REFERENCE"],
  ])("refuses the reference %j", (reference, code) => {
    expect(tx({ reference })).toMatchObject({ ok: false, error: { code, field: ["reference"] } });
  });

  it("refuses an empty or overlong reason", () => {
    expect(tx({ reason: " " })).toMatchObject({ ok: false, error: { code: "INVALID_REASON" } });
    expect(tx({ reason: "x".repeat(501) })).toMatchObject({ ok: false, error: { code: "INVALID_REASON" } });
  });

  it("cannot be changed once made", () => {
    const result = tx();
    if (!result.ok) throw new Error("setup");
    const made = result.value;
    expect(() => ((made.entries as unknown as { amount: Rial }[])[0]!.amount = Rial.of(1n))).toThrow(
      TypeError,
    );
    expect(() => (made.entries as unknown[]).push(line(LedgerAccounts.revenue, 1n))).toThrow(TypeError);
    expect(() => ((made as { reference: string }).reference = "other")).toThrow(TypeError);
  });

  it("tells a repeated movement from another one", () => {
    const a = tx();
    const b = tx({
      id: "tx-2",
      entries: [line(LedgerAccounts.clearing("IDPAY"), -5_000n), line(LedgerAccounts.wallet("u-1"), 5_000n)],
    });
    const c = tx({
      id: "tx-3",
      entries: [line(LedgerAccounts.wallet("u-2"), 5_000n), line(LedgerAccounts.clearing("IDPAY"), -5_000n)],
    });
    if (!a.ok || !b.ok || !c.ok) throw new Error("setup");
    expect(a.value.sameMovementAs(b.value)).toBe(true);
    expect(a.value.sameMovementAs(c.value)).toBe(false);
  });
});

describe("ledger account keys", () => {
  it("round-trip and refuse what they did not make", () => {
    const accounts = [
      LedgerAccounts.wallet("u-1"),
      LedgerAccounts.clearing("ZARINPAL"),
      LedgerAccounts.revenue,
      LedgerAccounts.vatPayable,
      LedgerAccounts.adjustments,
    ];
    for (const account of accounts) expect(parseLedgerAccountKey(ledgerAccountKey(account))).toEqual(account);
    expect(parseLedgerAccountKey("clearing:PAYPAL")).toBeNull();
    expect(parseLedgerAccountKey("wallet:")).toBeNull();
    expect(parseLedgerAccountKey("cash")).toBeNull();
  });
});
