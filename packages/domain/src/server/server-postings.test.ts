import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import { serverFailureRefund, serverOrderCharge } from "./server-postings.ts";

const at = new Date("2026-11-25T10:00:00Z");

describe("server postings", () => {
  it("charges the first hour to revenue and refunds exactly that", () => {
    const charge = serverOrderCharge({
      id: "t1",
      serverId: "s1",
      userId: "u1",
      serverName: "web",
      amount: Rial.of(9_000n),
      at,
    });
    expect(charge.kind).toBe("DEBIT");
    expect(charge.reference).toBe("server:s1:order");
    expect(charge.walletChanges().get("u1")?.toString()).toBe("-9000");
    const refund = serverFailureRefund({
      id: "t2",
      serverId: "s1",
      userId: "u1",
      serverName: "web",
      amount: Rial.of(9_000n),
      at,
    });
    expect(refund.kind).toBe("REFUND");
    expect(refund.reference).toBe("server:s1:refund");
    expect(refund.walletChanges().get("u1")?.toString()).toBe("9000");
    expect(refund.entries.find((e) => e.account.kind === "REVENUE")?.amount.toString()).toBe("-9000");
  });

  it("throws on a zero amount: a bug, never input", () => {
    expect(() =>
      serverOrderCharge({ id: "t", serverId: "s", userId: "u", serverName: "w", amount: Rial.zero, at }),
    ).toThrow();
  });
});
