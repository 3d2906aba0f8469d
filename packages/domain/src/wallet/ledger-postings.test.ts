import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import { newPayment } from "../payment/payment.ts";
import { findLedgerProblems } from "./ledger-check.ts";
import { LedgerAccounts } from "./ledger-account.ts";
import { adminAdjustmentTransaction, topUpTransaction, walletDebitTransaction } from "./ledger-postings.ts";
import type { LedgerTransaction } from "./ledger-transaction.ts";
import { walletBalanceOf } from "./wallet.ts";

const at = new Date("2026-11-25T10:00:00Z");
const payment = newPayment({
  id: "p-1",
  userId: "u-1",
  amount: Rial.of(250_000n),
  gateway: "ZARINPAL",
  idempotencyKey: "k",
  createdAt: at,
});
const must = (r: { ok: true; value: LedgerTransaction } | { ok: false; error: { message: string } }) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("posting rules", () => {
  it("credits the wallet against the gateway's clearing account on a top-up", () => {
    const tx = topUpTransaction({ id: "t-1", payment, referenceId: "201", at });
    expect(tx).toMatchObject({ kind: "TOP_UP", reference: "top-up:p-1" });
    expect(tx.entries).toEqual([
      { account: LedgerAccounts.wallet("u-1"), amount: Rial.of(250_000n) },
      { account: LedgerAccounts.clearing("ZARINPAL"), amount: Rial.of(-250_000n) },
    ]);
  });

  it("turns a debit into revenue and refuses debits that are not positive", () => {
    const base = { id: "t-2", userId: "u-1", reference: "order:1", reason: "Server order", at };
    const tx = must(walletDebitTransaction({ ...base, amount: Rial.of(1_000n) }));
    expect(tx).toMatchObject({ kind: "DEBIT", reference: "debit:order:1" });
    expect(tx.walletChanges().get("u-1")?.toString()).toBe("-1000");
    for (const amount of [0n, -1n]) {
      expect(walletDebitTransaction({ ...base, amount: Rial.of(amount) })).toMatchObject({
        ok: false,
        error: { code: "INVALID_AMOUNT" },
      });
    }
  });

  it("books hand-made adjustments either way against ADJUSTMENTS", () => {
    const base = { id: "t-3", userId: "u-1", reference: "a-1", reason: "Goodwill", at };
    expect(must(adminAdjustmentTransaction({ ...base, amount: Rial.of(5n) })).kind).toBe("ADMIN_CREDIT");
    expect(must(adminAdjustmentTransaction({ ...base, amount: Rial.of(-5n) })).kind).toBe("ADMIN_DEBIT");
    expect(adminAdjustmentTransaction({ ...base, amount: Rial.zero })).toMatchObject({
      ok: false,
      error: { code: "INVALID_AMOUNT" },
    });
  });

  it("gives a wallet the sum of its entries as balance, and a ledger that checks out", () => {
    const credit = topUpTransaction({ id: "t-1", payment, referenceId: "201", at });
    const debit = must(
      walletDebitTransaction({
        id: "t-2",
        userId: "u-1",
        amount: Rial.of(50_000n),
        reference: "r",
        reason: "x",
        at,
      }),
    );
    const entries = [...credit.toEntries((i) => `1-${i}`), ...debit.toEntries((i) => `2-${i}`)];
    expect(walletBalanceOf("u-1", entries).toString()).toBe("200000");
    expect(walletBalanceOf("u-2", entries).toString()).toBe("0");
    expect(findLedgerProblems({ entries, walletBalances: new Map([["u-1", Rial.of(200_000n)]]) })).toEqual(
      [],
    );
  });
});

describe("findLedgerProblems", () => {
  const credit = topUpTransaction({ id: "t-1", payment, referenceId: "201", at }).toEntries((i) => `e${i}`);

  it("finds a kept balance that disagrees with the entries", () => {
    expect(findLedgerProblems({ entries: credit, walletBalances: new Map([["u-1", Rial.of(1n)]]) })).toEqual([
      "wallet u-1 keeps 1 balance, its entries sum to 250000",
    ]);
    expect(findLedgerProblems({ entries: credit, walletBalances: new Map() })).toHaveLength(1);
    expect(findLedgerProblems({ entries: [], walletBalances: new Map([["u-9", Rial.of(10n)]]) })).toEqual([
      "wallet u-9 keeps 10 rials with no entries",
    ]);
  });

  it("finds an entry written without its other half", () => {
    const problems = findLedgerProblems({
      entries: credit.slice(0, 1),
      walletBalances: new Map([["u-1", Rial.of(250_000n)]]),
    });
    expect(problems).toEqual([
      "all entries sum to 250000 rials instead of zero",
      "transaction t-1 sums to 250000 rials",
      "transaction t-1 has 1 entry",
    ]);
  });
});
