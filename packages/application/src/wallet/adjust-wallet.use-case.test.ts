import { afterEach, describe, expect, it } from "vitest";
import { anonymous } from "../testing/account-test-kit.ts";
import { assertKitLedgersBalanced, walletTestKit } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

async function setup() {
  const kit = walletTestKit();
  const admin = await kit.user("ADMIN");
  const customer = await kit.user();
  return { ...kit, admin, customer };
}

describe("adjustWallet", () => {
  it("moves nothing without a fresh second factor", async () => {
    const kit = await setup();
    kit.refuseStepUp("SECOND_FACTOR_STALE");
    const refused = await kit.useCases.adjustWallet(
      { userId: kit.customer.id, amount: "250000", reason: "Refund" },
      kit.admin.ctx,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "SECOND_FACTOR_STALE" } });
    expect((await kit.ledger.balance(kit.customer.id)).toString()).toBe("0");
    expect(kit.audit.events).toEqual([]);
  });

  it("credits and debits by hand, in the ledger and the audit log", async () => {
    const kit = await setup();
    const credit = await kit.useCases.adjustWallet(
      { userId: kit.customer.id, amount: "250000", reason: "Refund of a failed order" },
      kit.admin.ctx,
    );
    expect(credit).toMatchObject({
      ok: true,
      value: { balance: { amount: 250_000n }, transaction: { kind: "ADMIN_CREDIT" } },
    });
    const debit = await kit.useCases.adjustWallet(
      { userId: kit.customer.id, amount: "-50000", reason: "Chargeback" },
      kit.admin.ctx,
    );
    expect(debit).toMatchObject({
      ok: true,
      value: { balance: { amount: 200_000n }, transaction: { kind: "ADMIN_DEBIT" } },
    });

    const events = kit.audit.events.filter((e) => e.subjectId === kit.customer.id);
    expect(events.map((e) => [e.action, e.actorId, e.details.amount, e.details.reason])).toEqual([
      ["WALLET_CREDITED_BY_ADMIN", kit.admin.id, "250000", "Refund of a failed order"],
      ["WALLET_DEBITED_BY_ADMIN", kit.admin.id, "-50000", "Chargeback"],
    ]);
    const page = await kit.useCases.walletEntries({ userId: kit.customer.id, first: 10 }, kit.customer.ctx);
    expect(page?.entries.map((e) => [e.kind, e.amount.toString(), e.reason])).toEqual([
      ["ADMIN_DEBIT", "-50000", "Chargeback"],
      ["ADMIN_CREDIT", "250000", "Refund of a failed order"],
    ]);
  });

  it("never takes a wallet below zero", async () => {
    const kit = await setup();
    expect(
      await kit.useCases.adjustWallet({ userId: kit.customer.id, amount: "-1", reason: "x" }, kit.admin.ctx),
    ).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_FUNDS" } });
    expect(kit.audit.events).toHaveLength(0);
  });

  it("is for ADMIN only, and never on the admin's own wallet", async () => {
    const kit = await setup();
    const input = { userId: kit.customer.id, amount: "1000", reason: "x" };
    const support = await kit.user("SUPPORT");
    await expect(kit.useCases.adjustWallet(input, support.ctx)).rejects.toMatchObject({
      reason: "FORBIDDEN",
    });
    await expect(kit.useCases.adjustWallet(input, kit.customer.ctx)).rejects.toMatchObject({
      reason: "FORBIDDEN",
    });
    await expect(kit.useCases.adjustWallet(input, anonymous())).rejects.toMatchObject({
      reason: "UNAUTHENTICATED",
    });
    expect(await kit.useCases.adjustWallet({ ...input, userId: kit.admin.id }, kit.admin.ctx)).toMatchObject({
      ok: false,
      error: { code: "CANNOT_ADJUST_OWN_WALLET" },
    });
    expect(await kit.useCases.adjustWallet({ ...input, userId: "nobody" }, kit.admin.ctx)).toMatchObject({
      ok: false,
      error: { code: "USER_NOT_FOUND" },
    });
  });

  it.each([
    ["0", "INVALID_AMOUNT"],
    ["abc", "INVALID_AMOUNT"],
    ["1.5", "INVALID_AMOUNT"],
    ["1000000001", "AMOUNT_TOO_LARGE"],
    ["-1000000001", "AMOUNT_TOO_LARGE"],
    [(2n ** 63n).toString(), "AMOUNT_TOO_LARGE"],
  ])("refuses the amount %j with %s", async (amount, code) => {
    const kit = await setup();
    expect(
      await kit.useCases.adjustWallet({ userId: kit.customer.id, amount, reason: "x" }, kit.admin.ctx),
    ).toMatchObject({ ok: false, error: { code, field: ["amount"] } });
  });

  it("refuses an empty reason", async () => {
    const kit = await setup();
    expect(
      await kit.useCases.adjustWallet({ userId: kit.customer.id, amount: "1", reason: "  " }, kit.admin.ctx),
    ).toMatchObject({ ok: false, error: { code: "INVALID_REASON" } });
  });

  it("gives the first result for a repeated key, and refuses the key for another adjustment", async () => {
    const kit = await setup();
    const input = { userId: kit.customer.id, amount: "1000", reason: "Goodwill", idempotencyKey: "adj-1" };
    const first = await kit.useCases.adjustWallet(input, kit.admin.ctx);
    const again = await kit.useCases.adjustWallet(input, kit.admin.ctx);
    expect(again).toMatchObject({ ok: true, value: { replayed: true, balance: { amount: 1_000n } } });
    expect(first.ok && again.ok && again.value.transaction.id).toBe(first.ok && first.value.transaction.id);
    expect(await kit.useCases.adjustWallet({ ...input, amount: "2000" }, kit.admin.ctx)).toMatchObject({
      ok: false,
      error: { code: "IDEMPOTENCY_KEY_REUSED" },
    });
    expect(await kit.useCases.adjustWallet({ ...input, reason: "Other" }, kit.admin.ctx)).toMatchObject({
      ok: false,
      error: { code: "IDEMPOTENCY_KEY_REUSED" },
    });
    expect(
      await kit.useCases.adjustWallet({ ...input, idempotencyKey: "has space" }, kit.admin.ctx),
    ).toMatchObject({ ok: false, error: { code: "INVALID_IDEMPOTENCY_KEY" } });
    expect(kit.audit.events).toHaveLength(1);
  });
});
