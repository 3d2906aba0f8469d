import type { GatewayFailure, GatewaySession } from "@peykarband/application";
import { Rial, type Result } from "@peykarband/domain";
import { startZarinpalSimulator, type ZarinpalSimulator } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { GatewayTiming } from "./gateway.http-client.ts";
import { ZarinpalPaymentGateway } from "./zarinpal.payment-gateway.ts";

const FAST: GatewayTiming = { connectTimeoutMs: 500, requestTimeoutMs: 250, maxRetries: 2, retryDelayMs: 5 };
const AMOUNT = Rial.of(50_000n);
const CALLBACK = "http://127.0.0.1:4000/payments/zarinpal/callback?x=1";

describe("ZarinpalPaymentGateway against the simulator", () => {
  let sim: ZarinpalSimulator;
  let gateway: ZarinpalPaymentGateway;
  /** The simulator draws once for every call the network faults may hit: a count of those calls. */
  let faultedCalls = 0;
  /** How many of the next faulted calls fail when serverErrorRate is 1. */
  let failNext = Infinity;

  const expectFailure = (
    result: Result<unknown, GatewayFailure>,
    kind: string,
    code: string | null = null,
  ) => {
    expect(result).toMatchObject({ ok: false, error: { kind, code } });
    const { message } = (result as { error: GatewayFailure }).error;
    expect(message).not.toContain(sim.merchantId);
    expect(message.startsWith("Zarinpal ")).toBe(true);
  };

  const open = async (amount = AMOUNT): Promise<GatewaySession> => {
    const session = await gateway.requestPayment({
      amount,
      callbackUrl: CALLBACK,
      description: "افزایش موجودی کیف پول",
      orderId: randomUUID(),
    });
    if (!session.ok) throw new Error(session.error.message);
    return session.value;
  };

  /** The payer's browser on the payment page. */
  const decide = async (session: GatewaySession, decision: "pay" | "cancel"): Promise<URL> => {
    const response = await fetch(session.redirectUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ decision }).toString(),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location")!);
  };

  beforeAll(async () => {
    sim = await startZarinpalSimulator({
      random: () => {
        faultedCalls++;
        return failNext-- > 0 ? 0 : 1;
      },
    });
    gateway = new ZarinpalPaymentGateway({
      baseUrl: `${sim.url}/`,
      merchantId: sim.merchantId,
      timing: FAST,
    });
  });
  afterEach(() => {
    sim.faults.reset();
    faultedCalls = 0;
    failNext = Infinity;
  });
  afterAll(() => sim.close());

  it("opens a session, sends the payer to StartPay, verifies once with 100, then answers 101", async () => {
    const orderId = randomUUID();
    const session = await gateway.requestPayment({
      amount: AMOUNT,
      callbackUrl: CALLBACK,
      description: "افزایش موجودی کیف پول",
      orderId,
    });
    expect(session.ok).toBe(true);
    const { authority, redirectUrl } = (session as { value: GatewaySession }).value;
    expect(authority).toMatch(/^A[0-9a-zA-Z]{35}$/);
    expect(redirectUrl).toBe(`${sim.url}/pg/StartPay/${authority}`);
    expect(sim.payments.get(authority)).toMatchObject({
      amount: 50_000,
      currency: "IRR",
      callbackUrl: CALLBACK,
      metadata: { order_id: orderId },
    });

    const back = await decide({ authority, redirectUrl }, "pay");
    expect(back.searchParams.get("Authority")).toBe(authority);
    expect(back.searchParams.get("Status")).toBe("OK");

    const first = await gateway.verify({ authority, amount: AMOUNT, orderId });
    const referenceId = String(sim.payments.get(authority)!.refId);
    expect(first).toEqual({ ok: true, value: { status: "PAID", referenceId, amount: null } });
    const again = await gateway.verify({ authority, amount: AMOUNT, orderId });
    expect(again).toEqual({ ok: true, value: { status: "ALREADY_VERIFIED", referenceId, amount: null } });
  });

  it("reports NOT_PAID for a cancelled payment and for one never decided (-51)", async () => {
    const cancelled = await open();
    expect((await decide(cancelled, "cancel")).searchParams.get("Status")).toBe("NOK");
    expect(await gateway.verify({ authority: cancelled.authority, amount: AMOUNT, orderId: "o" })).toEqual({
      ok: true,
      value: { status: "NOT_PAID" },
    });
    const abandoned = await open();
    expect(await gateway.verify({ authority: abandoned.authority, amount: AMOUNT, orderId: "o" })).toEqual({
      ok: true,
      value: { status: "NOT_PAID" },
    });
  });

  it("refuses a verify with another amount (-50) without verifying, so ours still verifies", async () => {
    const session = await open();
    await decide(session, "pay");
    const wrong = await gateway.verify({
      authority: session.authority,
      amount: Rial.of(40_000n),
      orderId: "o",
    });
    expectFailure(wrong, "REJECTED", "-50");
    expect(sim.payments.get(session.authority)!.status).toBe("PAID");
    const right = await gateway.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" });
    expect(right).toMatchObject({ ok: true, value: { status: "PAID" } });
  });

  it("answers NOT_PAID for an unknown authority (-54) and REJECTED for a malformed one (-9)", async () => {
    const unknown = `A${"0".repeat(35)}`;
    expect(await gateway.verify({ authority: unknown, amount: AMOUNT, orderId: "o" })).toEqual({
      ok: true,
      value: { status: "NOT_PAID" },
    });
    expectFailure(
      await gateway.verify({ authority: "../etc", amount: AMOUNT, orderId: "o" }),
      "REJECTED",
      "-9",
    );
  });

  it("is refused with another terminal's merchant id (-10), whatever HTTP status the envelope comes with", async () => {
    const session = await open();
    await decide(session, "pay");
    const stranger = randomUUID();
    const other = new ZarinpalPaymentGateway({ baseUrl: sim.url, merchantId: stranger, timing: FAST });
    const request = await other.requestPayment({
      amount: AMOUNT,
      callbackUrl: CALLBACK,
      description: "d",
      orderId: "o",
    });
    expectFailure(request, "REJECTED", "-10");
    expect((request as { error: GatewayFailure }).error.message).not.toContain(stranger);
    expectFailure(
      await other.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" }),
      "REJECTED",
      "-10",
    );

    const sim500 = await startZarinpalSimulator({ errorHttpStatus: 500 });
    try {
      const envelopeOn500 = new ZarinpalPaymentGateway({
        baseUrl: sim500.url,
        merchantId: stranger,
        timing: FAST,
      });
      const verify = await envelopeOn500.verify({
        authority: session.authority,
        amount: AMOUNT,
        orderId: "o",
      });
      expect(verify).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "-10" } });
      expect((verify as { error: GatewayFailure }).error.message).not.toContain(stranger);
    } finally {
      await sim500.close();
    }
  });

  it("answers ALREADY_VERIFIED when the gateway says 101 on the first verify", async () => {
    const session = await open();
    await decide(session, "pay");
    sim.faults.set({ alreadyVerified: true });
    expect(
      await gateway.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" }),
    ).toMatchObject({
      ok: true,
      value: { status: "ALREADY_VERIFIED" },
    });
  });

  describe("faults", () => {
    it("times out a request whose answer never comes and does not send it again", async () => {
      const before = sim.payments.list().length;
      // The gateway opens the session, but its answer never reaches us: only our deadline ends the wait.
      sim.faults.set({ timeout: true, operations: ["request"] });
      const result = await gateway.requestPayment({
        amount: AMOUNT,
        callbackUrl: CALLBACK,
        description: "d",
        orderId: "o",
      });
      expectFailure(result, "TIMEOUT");
      // Exactly one session at the gateway, never two: a resend would have come before the answer.
      expect(faultedCalls).toBe(1);
      expect(sim.payments.list().length).toBe(before + 1);
    });

    it("retries a verify that never answers, then reports TIMEOUT", async () => {
      const session = await open();
      await decide(session, "pay");
      sim.faults.set({ timeout: true, operations: ["verify"] });
      const result = await gateway.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" });
      expectFailure(result, "TIMEOUT");
      expect(sim.payments.get(session.authority)!.verifyCalls).toBe(3);
      sim.faults.reset();
      // The gateway did verify on the first attempt: a later verify learns so.
      expect(
        await gateway.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" }),
      ).toMatchObject({
        ok: true,
        value: { status: "ALREADY_VERIFIED" },
      });
    });

    it("reports UNAVAILABLE on 5xx: verify after two retries, request after one attempt", async () => {
      const session = await open();
      await decide(session, "pay");
      sim.faults.set({ serverErrorRate: 1 });
      faultedCalls = 0;
      expectFailure(
        await gateway.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" }),
        "UNAVAILABLE",
      );
      expect(faultedCalls).toBe(3);

      faultedCalls = 0;
      const request = await gateway.requestPayment({
        amount: AMOUNT,
        callbackUrl: CALLBACK,
        description: "d",
        orderId: "o",
      });
      expectFailure(request, "UNAVAILABLE");
      expect(faultedCalls).toBe(1);
    });

    it("gets through a passing 5xx on verify by retrying", async () => {
      const session = await open();
      await decide(session, "pay");
      sim.faults.set({ serverErrorRate: 1, operations: ["verify"] });
      failNext = 1;
      faultedCalls = 0;
      expect(
        await gateway.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" }),
      ).toMatchObject({
        ok: true,
        value: { status: "PAID" },
      });
      expect(faultedCalls).toBe(2);
    });

    it("takes garbage for INVALID_RESPONSE, never for success, and does not retry it", async () => {
      const session = await open();
      await decide(session, "pay");
      sim.faults.set({ garbage: true });
      expectFailure(
        await gateway.verify({ authority: session.authority, amount: AMOUNT, orderId: "o" }),
        "INVALID_RESPONSE",
      );
      expect(sim.payments.get(session.authority)!.verifyCalls).toBe(1);
      expectFailure(
        await gateway.requestPayment({
          amount: AMOUNT,
          callbackUrl: CALLBACK,
          description: "d",
          orderId: "o",
        }),
        "INVALID_RESPONSE",
      );
    });

    it("reports UNAVAILABLE when nothing listens", async () => {
      const gone = await startZarinpalSimulator();
      await gone.close();
      const dead = new ZarinpalPaymentGateway({
        baseUrl: gone.url,
        merchantId: gone.merchantId,
        timing: FAST,
      });
      const result = await dead.verify({ authority: `A${"1".repeat(35)}`, amount: AMOUNT, orderId: "o" });
      expect(result).toMatchObject({ ok: false, error: { kind: "UNAVAILABLE", code: null } });
      expect((result as { error: GatewayFailure }).error.message).not.toContain(gone.merchantId);
    });
  });
});
