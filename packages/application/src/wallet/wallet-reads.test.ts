import { afterEach, describe, expect, it } from "vitest";
import { anonymous } from "../testing/account-test-kit.ts";
import { assertKitLedgersBalanced, walletTestKit } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

describe("walletBalance and walletEntries", () => {
  it("give a wallet's balance and its entries, newest first, by keyset pages both ways", async () => {
    const kit = walletTestKit();
    const sara = await kit.user();
    expect(await kit.useCases.walletBalance({ userId: sara.id }, sara.ctx)).toMatchObject({
      balance: { amount: 0n },
    });
    for (const amount of [1_000n, 2_000n, 3_000n]) {
      await kit.fund(sara.id, amount);
      kit.clock.advance(1);
    }
    expect(await kit.useCases.walletBalance({ userId: sara.id }, sara.ctx)).toMatchObject({
      userId: sara.id,
      balance: { amount: 6_000n },
    });
    const first = await kit.useCases.walletEntries({ userId: sara.id, first: 2 }, sara.ctx);
    expect(first?.entries.map((e) => e.amount.toString())).toEqual(["3000", "2000"]);
    expect(first?.hasMore).toBe(true);
    const next = await kit.useCases.walletEntries(
      { userId: sara.id, first: 2, after: first!.entries[1] },
      sara.ctx,
    );
    expect(next?.entries.map((e) => e.amount.toString())).toEqual(["1000"]);
    expect(next?.hasMore).toBe(false);
    // Only the wallet's own side of each transaction is listed.
    expect(next?.entries.every((e) => e.account.kind === "CUSTOMER_WALLET")).toBe(true);

    const oldest = await kit.useCases.walletEntries({ userId: sara.id, last: 2 }, sara.ctx);
    expect(oldest?.entries.map((e) => e.amount.toString())).toEqual(["2000", "1000"]);
    expect(oldest?.hasMore).toBe(true);
    const newer = await kit.useCases.walletEntries(
      { userId: sara.id, last: 2, before: oldest!.entries[0] },
      sara.ctx,
    );
    expect(newer?.entries.map((e) => e.amount.toString())).toEqual(["3000"]);
    expect(newer?.hasMore).toBe(false);
  });

  it("hide other people's wallets, except from staff", async () => {
    const kit = walletTestKit();
    const sara = await kit.user();
    const reza = await kit.user();
    const admin = await kit.user("ADMIN");
    expect(await kit.useCases.walletBalance({ userId: sara.id }, reza.ctx)).toBeNull();
    expect(await kit.useCases.walletEntries({ userId: sara.id, first: 10 }, reza.ctx)).toBeNull();
    expect(await kit.useCases.walletBalance({ userId: sara.id }, anonymous())).toBeNull();
    expect(await kit.useCases.walletBalance({ userId: sara.id }, admin.ctx)).not.toBeNull();
    const entries = await kit.useCases.walletEntries({ userId: sara.id, first: 10 }, admin.ctx);
    expect(entries).toMatchObject({ entries: [], hasMore: false });
    expect(await entries!.countAll()).toBe(0);
  });
});
