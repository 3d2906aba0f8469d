import {
  LedgerAccounts,
  LedgerTransaction,
  Rial,
  walletDebitTransaction,
  type LedgerLine,
} from "@peykarband/domain";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { WalletLedger } from "../../ports/wallet-ledger.ts";
import type { ContractFixture, OpenContractFixture } from "./contract-fixture.ts";

export interface WalletLedgerFixture extends ContractFixture {
  readonly ledger: WalletLedger;
}

const AT = new Date("2026-03-21T09:00:00.000Z");

/**
 * What the wallet, payment and server use cases rely on from a WalletLedger: a reference posts
 * once (also under concurrency), a debit never overdraws a wallet however many race for it, a
 * refused debit writes nothing and leaves its reference free, unknown wallets hold zero, and a
 * wallet's entries page newest first by keyset both ways. Call it inside a `describe`.
 */
export function walletLedgerContract(open: OpenContractFixture<WalletLedgerFixture>): void {
  let fixture: WalletLedgerFixture;
  beforeAll(async () => {
    fixture = await open();
  });
  afterAll(() => fixture?.close?.());

  function transaction(entries: LedgerLine[], options: { reference?: string; at?: Date } = {}) {
    const built = LedgerTransaction.create({
      id: fixture.newId(),
      kind: "ADMIN_CREDIT",
      reference: options.reference ?? `contract:${fixture.newId()}`,
      reason: "contract movement",
      entries,
      createdAt: options.at ?? AT,
    });
    if (!built.ok) throw new Error(built.error.message);
    return built.value;
  }

  const credit = (userId: string, rials: bigint, options: { reference?: string; at?: Date } = {}) =>
    transaction(
      [
        { account: LedgerAccounts.wallet(userId), amount: Rial.of(rials) },
        { account: LedgerAccounts.adjustments, amount: Rial.of(-rials) },
      ],
      options,
    );

  function aDebit(userId: string, rials: bigint, reference: string = fixture.newId()) {
    const built = walletDebitTransaction({
      id: fixture.newId(),
      userId,
      amount: Rial.of(rials),
      reference,
      reason: "Server order",
      at: AT,
    });
    if (!built.ok) throw new Error(built.error.message);
    return built.value;
  }

  const balanceOf = async (userId: string) => (await fixture.ledger.balance(userId)).toString();

  it("posts a credit: entries, balance and the stored transaction agree", async () => {
    const user = await fixture.newUser();
    const posted = credit(user, 250_000n);
    expect(await fixture.ledger.post(posted)).toEqual({ status: "POSTED", transaction: posted });
    expect(await balanceOf(user)).toBe("250000");
    const stored = await fixture.ledger.findByReference(posted.reference);
    expect(stored?.id).toBe(posted.id);
    expect(stored?.sameMovementAs(posted)).toBe(true);
    expect(stored).toMatchObject({ reason: posted.reason, createdAt: AT });
    const page = await fixture.ledger.entries({ userId: user, limit: 10 });
    expect(page.hasMore).toBe(false);
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      transactionId: posted.id,
      kind: "ADMIN_CREDIT",
      reference: posted.reference,
      account: LedgerAccounts.wallet(user),
      createdAt: AT,
    });
    expect(page.entries[0]!.amount.toString()).toBe("250000");
  });

  it("answers for wallets and references it does not know", async () => {
    expect(await balanceOf(fixture.newId())).toBe("0");
    expect(await balanceOf("not-a-uuid")).toBe("0");
    expect(await fixture.ledger.entries({ userId: "not-a-uuid", limit: 5 })).toEqual({
      entries: [],
      hasMore: false,
    });
    expect(await fixture.ledger.findByReference("nothing")).toBeNull();
  });

  it("posts a reference once: a repeat is DUPLICATE with the first transaction and moves nothing", async () => {
    const user = await fixture.newUser();
    const first = credit(user, 1_000n, { reference: `dup:${user}` });
    await fixture.ledger.post(first);
    const outcome = await fixture.ledger.post(credit(user, 9_999n, { reference: `dup:${user}` }));
    expect(outcome.status).toBe("DUPLICATE");
    expect(outcome.transaction.id).toBe(first.id);
    expect(await balanceOf(user)).toBe("1000");
    expect((await fixture.ledger.entries({ userId: user, limit: 10 })).entries).toHaveLength(1);
  });

  it("posts one of 20 concurrent posts of the same reference", async () => {
    const user = await fixture.newUser();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        fixture.ledger.post(credit(user, 500n, { reference: `race:${user}` })),
      ),
    );
    expect(outcomes.filter((o) => o.status === "POSTED")).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.transaction.id)).size).toBe(1);
    expect(await balanceOf(user)).toBe("500");
  });

  it("refuses a debit the wallet does not cover, writes nothing and keeps the reference free", async () => {
    const user = await fixture.newUser();
    expect(await fixture.ledger.debit(aDebit(user, 100n, "order-1"))).toEqual({
      status: "INSUFFICIENT_FUNDS",
      userId: user,
      balance: Rial.zero,
    });
    await fixture.ledger.post(credit(user, 60n));
    const refused = await fixture.ledger.debit(aDebit(user, 100n, "order-1"));
    expect(refused).toMatchObject({ status: "INSUFFICIENT_FUNDS", userId: user });
    expect(refused.status === "INSUFFICIENT_FUNDS" && refused.balance.toString()).toBe("60");
    expect(await fixture.ledger.findByReference("debit:order-1")).toBeNull();
    await fixture.ledger.post(credit(user, 40n));
    expect(await fixture.ledger.debit(aDebit(user, 100n, "order-1"))).toMatchObject({ status: "POSTED" });
    expect(await balanceOf(user)).toBe("0");
    // A repeated reference is DUPLICATE even though the wallet no longer covers it.
    expect(await fixture.ledger.debit(aDebit(user, 100n, "order-1"))).toMatchObject({ status: "DUPLICATE" });
  });

  it("lets exactly 10 of 50 concurrent debits through a balance that covers 10, never below zero", async () => {
    const user = await fixture.newUser();
    await fixture.ledger.post(credit(user, 10_000n));
    let lowest = 10_000n;
    let running = true;
    const sampler = (async () => {
      while (running) {
        const balance = (await fixture.ledger.balance(user)).amount;
        if (balance < lowest) lowest = balance;
      }
    })();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fixture.ledger.debit(aDebit(user, 1_000n, `concurrent-${user}-${i}`)),
      ),
    );
    running = false;
    await sampler;
    expect(outcomes.filter((o) => o.status === "POSTED")).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === "INSUFFICIENT_FUNDS")).toHaveLength(40);
    expect(lowest).toBeGreaterThanOrEqual(0n);
    expect(await balanceOf(user)).toBe("0");
    const page = await fixture.ledger.entries({ userId: user, limit: 100 });
    expect(page.entries.filter((e) => e.kind === "DEBIT")).toHaveLength(10);
  });

  it("pages a wallet's entries newest first by keyset, both ways, ties broken by id", async () => {
    const user = await fixture.newUser();
    const posted: LedgerTransaction[] = [];
    for (let i = 0; i < 25; i++) {
      // Groups of five share an instant, so the id has to break ties.
      const t = credit(user, BigInt(i + 1), { at: new Date(AT.getTime() + Math.floor(i / 5) * 60_000) });
      posted.push(t);
      await fixture.ledger.post(t);
    }
    let page = await fixture.ledger.entries({ userId: user, limit: 10 });
    const pages = [page];
    while (page.hasMore) {
      page = await fixture.ledger.entries({ userId: user, limit: 10, cursor: page.entries.at(-1)! });
      pages.push(page);
    }
    const seen = pages.flatMap((p) => p.entries.map((e) => e.transactionId));
    expect(pages.map((p) => p.entries.length)).toEqual([10, 10, 5]);
    expect(seen).toEqual(posted.map((t) => t.id).reverse());

    // Backwards: the oldest ten first, each next page the ten just newer, still newest first.
    let back = await fixture.ledger.entries({ userId: user, limit: 10, direction: "before" });
    const backPages = [back];
    while (back.hasMore) {
      back = await fixture.ledger.entries({
        userId: user,
        limit: 10,
        direction: "before",
        cursor: back.entries[0]!,
      });
      backPages.unshift(back);
    }
    expect(backPages.map((p) => p.entries.length)).toEqual([5, 10, 10]);
    expect(backPages.flatMap((p) => p.entries.map((e) => e.transactionId))).toEqual(seen);
    expect(await fixture.ledger.countEntries(user)).toBe(seen.length);
    expect(await fixture.ledger.countEntries(fixture.newId())).toBe(0);
    expect(await fixture.ledger.countEntries("not-a-uuid")).toBe(0);
  });
}
