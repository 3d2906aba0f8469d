import { Rial } from "@peykarband/domain";
import { afterEach, describe, expect, it } from "vitest";
import { signedIn } from "../testing/account-test-kit.ts";
import { assertKitLedgersBalanced, systemContext, walletTestKit } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

const debit = (userId: string, amount: bigint, reference: string) => ({
  userId,
  amount: Rial.of(amount),
  reference,
  reason: "Server order",
});

describe("debitWallet", () => {
  it("lets exactly 10 of 50 concurrent debits through when the balance covers 10", async () => {
    const kit = walletTestKit();
    const { id } = await kit.user();
    await kit.fund(id, 10_000n);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        kit.useCases.debitWallet(debit(id, 1_000n, `order:${i}`), systemContext()),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.error.code === "INSUFFICIENT_FUNDS")).toHaveLength(40);
    expect((await kit.ledger.balance(id)).toString()).toBe("0");
    expect(kit.ledger.lowestBalanceSeen).toBe(0n);
  });

  it("keeps many wallets apart under concurrency", async () => {
    const kit = walletTestKit();
    const users = await Promise.all(Array.from({ length: 20 }, () => kit.user()));
    await Promise.all(users.map((u) => kit.fund(u.id, 3_000n)));
    const results = await Promise.all(
      users.flatMap((u) =>
        Array.from({ length: 5 }, (_, i) =>
          kit.useCases.debitWallet(debit(u.id, 1_000n, `o:${u.id}:${i}`), systemContext()),
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(60);
    for (const u of users) expect((await kit.ledger.balance(u.id)).toString()).toBe("0");
  });

  it("charges a reference once, however often it is retried, even concurrently", async () => {
    const kit = walletTestKit();
    const { id } = await kit.user();
    await kit.fund(id, 5_000n);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        kit.useCases.debitWallet(debit(id, 1_000n, "order:7"), systemContext()),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.value.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ok && r.value.transaction.id)).size).toBe(1);
    expect((await kit.ledger.balance(id)).toString()).toBe("4000");
  });

  it("refuses a reference reused for another charge, and lets a refused one be retried", async () => {
    const kit = walletTestKit();
    const { id } = await kit.user();
    await kit.fund(id, 1_000n);
    expect(await kit.useCases.debitWallet(debit(id, 1_000n, "order:1"), systemContext())).toMatchObject({
      ok: true,
    });
    expect(await kit.useCases.debitWallet(debit(id, 500n, "order:1"), systemContext())).toMatchObject({
      ok: false,
      error: { code: "REFERENCE_REUSED" },
    });
    expect(await kit.useCases.debitWallet(debit(id, 500n, "order:2"), systemContext())).toMatchObject({
      ok: false,
      error: { code: "INSUFFICIENT_FUNDS" },
    });
    await kit.fund(id, 500n);
    expect(await kit.useCases.debitWallet(debit(id, 500n, "order:2"), systemContext())).toMatchObject({
      ok: true,
    });
  });

  it("refuses amounts that are not positive, and empty references and reasons", async () => {
    const kit = walletTestKit();
    const { id } = await kit.user();
    for (const amount of [0n, -1_000n]) {
      expect(await kit.useCases.debitWallet(debit(id, amount, "r"), systemContext())).toMatchObject({
        ok: false,
        error: { code: "INVALID_AMOUNT" },
      });
    }
    expect(await kit.useCases.debitWallet(debit(id, 1n, " "), systemContext())).toMatchObject({
      error: { code: "INVALID_REFERENCE" },
    });
    expect(
      await kit.useCases.debitWallet({ ...debit(id, 1n, "r"), reason: "" }, systemContext()),
    ).toMatchObject({ error: { code: "INVALID_REASON" } });
  });

  it("lets a customer's context charge only their own wallet", async () => {
    const kit = walletTestKit();
    const owner = await kit.user();
    const other = await kit.user();
    await kit.fund(owner.id, 1_000n);
    await expect(kit.useCases.debitWallet(debit(owner.id, 1n, "r"), other.ctx)).rejects.toMatchObject({
      reason: "FORBIDDEN",
    });
    const support = signedIn({ userId: "support-1", role: "SUPPORT", sessionId: "s" });
    expect(await kit.useCases.debitWallet(debit(owner.id, 1n, "r"), support)).toMatchObject({ ok: true });
    expect(await kit.useCases.debitWallet(debit(owner.id, 1n, "r2"), owner.ctx)).toMatchObject({ ok: true });
  });
});
