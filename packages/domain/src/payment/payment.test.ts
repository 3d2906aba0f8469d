import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import {
  attachAuthority,
  newPayment,
  PAYMENT_STATUSES,
  transitionPayment,
  type Payment,
  type PaymentOutcome,
} from "./payment.ts";

const at = new Date("2026-11-25T10:00:00Z");
const pending = newPayment({
  id: "p-1",
  userId: "u-1",
  amount: Rial.of(100_000n),
  gateway: "IDPAY",
  idempotencyKey: "key-1",
  createdAt: at,
});
const outcomes: PaymentOutcome[] = [
  { status: "PAID", referenceId: "888001", at },
  { status: "FAILED", reason: "NOT_PAID", at },
  { status: "CANCELLED", at },
];

describe("Payment state machine", () => {
  it("starts PENDING with nothing from the gateway yet", () => {
    expect(pending).toMatchObject({ status: "PENDING", authority: null, referenceId: null, paidAt: null });
  });

  it.each(outcomes)("goes from PENDING to $status", (outcome) => {
    const next = transitionPayment(pending, outcome);
    expect(next).toMatchObject({ ok: true, value: { status: outcome.status, closedAt: at } });
  });

  it("records the bank reference and time only when PAID", () => {
    const paid = transitionPayment(pending, outcomes[0]!);
    expect(paid).toMatchObject({ ok: true, value: { referenceId: "888001", paidAt: at } });
    const failed = transitionPayment(pending, outcomes[1]!);
    expect(failed).toMatchObject({
      ok: true,
      value: { referenceId: null, paidAt: null, failureReason: "NOT_PAID" },
    });
  });

  it("never leaves a final state, not even for the same one", () => {
    const finals = outcomes.map((o) => {
      const r = transitionPayment(pending, o);
      if (!r.ok) throw new Error("setup");
      return r.value;
    });
    expect(finals.map((p) => p.status).sort()).toEqual(
      PAYMENT_STATUSES.filter((s) => s !== "PENDING").sort(),
    );
    for (const final of finals) {
      for (const outcome of outcomes) {
        expect(transitionPayment(final, outcome)).toMatchObject({
          ok: false,
          error: { code: "PAYMENT_ALREADY_FINAL" },
        });
      }
    }
  });

  it("takes the gateway's reference once, and only while PENDING", () => {
    const session = { authority: "S".padEnd(36, "0"), redirectUrl: "https://gateway.example/pay" };
    const attached = attachAuthority(pending, session);
    if (!attached.ok) throw new Error("setup");
    expect(attached.value).toMatchObject(session);
    expect(attachAuthority(attached.value, session)).toMatchObject({
      ok: false,
      error: { code: "AUTHORITY_ALREADY_SET" },
    });
    const cancelled = transitionPayment(pending, outcomes[2]!) as { ok: true; value: Payment };
    expect(attachAuthority(cancelled.value, session)).toMatchObject({
      ok: false,
      error: { code: "PAYMENT_ALREADY_FINAL" },
    });
  });
});
