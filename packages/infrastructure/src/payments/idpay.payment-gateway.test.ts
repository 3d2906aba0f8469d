import type { GatewayFailure, GatewaySession } from "@peykarband/application";
import { Rial, type Result } from "@peykarband/domain";
import { startIdpaySimulator, type IdpaySimulator } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { GatewayTiming } from "./gateway.http-client.ts";
import { IdpayPaymentGateway } from "./idpay.payment-gateway.ts";

const FAST: GatewayTiming = { connectTimeoutMs: 500, requestTimeoutMs: 250, maxRetries: 2, retryDelayMs: 5 };
const AMOUNT = Rial.of(50_000n);
const CALLBACK = "http://127.0.0.1:4000/payments/idpay/callback";

interface Opened extends GatewaySession {
  readonly orderId: string;
}

describe.each(["string", "number"] as const)(
  "IdpayPaymentGateway against the simulator (numbers as %s)",
  (numbers) => {
    let sim: IdpaySimulator;
    let gateway: IdpayPaymentGateway;
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
      expect(message).not.toContain(sim.apiKey);
      expect(message.startsWith("IDPay ")).toBe(true);
    };

    const open = async (target = gateway): Promise<Opened> => {
      const orderId = randomUUID();
      const session = await target.requestPayment({
        amount: AMOUNT,
        callbackUrl: CALLBACK,
        description: "افزایش موجودی کیف پول",
        orderId,
      });
      if (!session.ok) throw new Error(session.error.message);
      return { ...session.value, orderId };
    };

    /** The payer's browser on the payment page. */
    const decide = async (session: GatewaySession, decision: "pay" | "cancel"): Promise<string> => {
      const response = await fetch(session.redirectUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ decision }).toString(),
        redirect: "manual",
      });
      expect(response.status).toBe(200);
      return response.text();
    };

    const verify = (session: Opened, amount = AMOUNT) =>
      gateway.verify({ authority: session.authority, amount, orderId: session.orderId });
    const inquiry = (session: Opened) =>
      gateway.inquiry({ authority: session.authority, orderId: session.orderId });

    beforeAll(async () => {
      sim = await startIdpaySimulator({
        numbers,
        random: () => {
          faultedCalls++;
          return failNext-- > 0 ? 0 : 1;
        },
      });
      gateway = new IdpayPaymentGateway({
        baseUrl: sim.url,
        apiKey: sim.apiKey,
        sandbox: false,
        timing: FAST,
      });
    });
    afterEach(() => {
      sim.faults.reset();
      faultedCalls = 0;
      failNext = Infinity;
    });
    afterAll(() => sim.close());

    it("creates a transaction, sends the payer to its link, verifies once with 100, then answers 101", async () => {
      const session = await open();
      expect(session.authority).toMatch(/^[0-9a-f]{32}$/);
      expect(session.redirectUrl).toBe(`${sim.url}/p/ws/${session.authority}`);
      expect(sim.payments.get(session.authority)).toMatchObject({
        orderId: session.orderId,
        amount: 50_000,
        callback: CALLBACK,
        desc: "افزایش موجودی کیف پول",
        sandbox: false,
      });

      const page = await decide(session, "pay");
      expect(page).toContain(`name="status" value="10"`);

      const referenceId = String(sim.payments.get(session.authority)!.trackId);
      expect(await verify(session)).toEqual({
        ok: true,
        value: { status: "PAID", referenceId, amount: AMOUNT },
      });
      expect(await verify(session)).toEqual({
        ok: true,
        value: { status: "ALREADY_VERIFIED", referenceId, amount: AMOUNT },
      });
    });

    it("reports the gateway's amount, not ours, so the use case can see a mismatch", async () => {
      const session = await open();
      await decide(session, "pay");
      expect(await verify(session, Rial.of(60_000n))).toMatchObject({
        ok: true,
        value: { status: "PAID", amount: AMOUNT },
      });
    });

    it("reports NOT_PAID (53) for a cancelled, an undecided, an unknown and a mismatched transaction", async () => {
      const cancelled = await open();
      await decide(cancelled, "cancel");
      const undecided = await open();
      const paid = await open();
      await decide(paid, "pay");
      for (const session of [
        cancelled,
        undecided,
        { ...paid, authority: "0".repeat(32) },
        { ...paid, orderId: randomUUID() },
      ]) {
        expect(await verify(session)).toEqual({ ok: true, value: { status: "NOT_PAID" } });
      }
      expect(sim.payments.get(paid.authority)!.status).toBe(10);
    });

    it("follows a transaction through inquiry without verifying it", async () => {
      const session = await open();
      expect(await inquiry(session)).toEqual({ ok: true, value: { status: "IN_PROGRESS" } });
      await fetch(session.redirectUrl);
      expect(await inquiry(session)).toEqual({ ok: true, value: { status: "IN_PROGRESS" } });
      await decide(session, "pay");
      expect(await inquiry(session)).toEqual({ ok: true, value: { status: "PAID" } });
      expect(sim.payments.get(session.authority)!.status).toBe(10);
      await verify(session);
      expect(await inquiry(session)).toEqual({ ok: true, value: { status: "PAID" } });

      const cancelled = await open();
      await decide(cancelled, "cancel");
      expect(await inquiry(cancelled)).toEqual({ ok: true, value: { status: "NOT_PAID" } });
      expect(await inquiry({ ...cancelled, authority: "f".repeat(32) })).toEqual({
        ok: true,
        value: { status: "NOT_PAID" },
      });
    });

    it("sends X-SANDBOX when configured: the sandbox realm, which the live one cannot see", async () => {
      const sandboxed = new IdpayPaymentGateway({
        baseUrl: sim.url,
        apiKey: sim.apiKey,
        sandbox: true,
        timing: FAST,
      });
      const session = await open(sandboxed);
      expect(session.redirectUrl).toBe(`${sim.url}/p/ws-sandbox/${session.authority}`);
      expect(sim.payments.get(session.authority)!.sandbox).toBe(true);
      await decide(session, "pay");
      expect(await verify(session)).toEqual({ ok: true, value: { status: "NOT_PAID" } });
      expect(
        await sandboxed.verify({ authority: session.authority, amount: AMOUNT, orderId: session.orderId }),
      ).toMatchObject({ ok: true, value: { status: "PAID" } });
    });

    it("is refused with a wrong API key (12), which no message repeats", async () => {
      const session = await open();
      const wrongKey = randomUUID();
      const stranger = new IdpayPaymentGateway({
        baseUrl: sim.url,
        apiKey: wrongKey,
        sandbox: false,
        timing: FAST,
      });
      const request = { authority: session.authority, amount: AMOUNT, orderId: session.orderId };
      for (const result of [
        await stranger.requestPayment({
          amount: AMOUNT,
          callbackUrl: CALLBACK,
          description: "d",
          orderId: "o",
        }),
        await stranger.verify(request),
        await stranger.inquiry(request),
      ]) {
        expectFailure(result, "REJECTED", "12");
        expect((result as { error: GatewayFailure }).error.message).not.toContain(wrongKey);
      }
    });

    it("answers ALREADY_VERIFIED when the gateway says 101 on the first verify", async () => {
      const session = await open();
      await decide(session, "pay");
      sim.faults.set({ alreadyVerified: true });
      expect(await verify(session)).toMatchObject({ ok: true, value: { status: "ALREADY_VERIFIED" } });
    });

    describe("faults", () => {
      it("times out a create whose answer never comes and does not send it again", async () => {
        const before = sim.payments.list().length;
        // IDPay creates the payment, but its answer never reaches us: only our deadline ends the wait.
        sim.faults.set({ timeout: true, operations: ["create"] });
        expectFailure(
          await gateway.requestPayment({
            amount: AMOUNT,
            callbackUrl: CALLBACK,
            description: "d",
            orderId: "o",
          }),
          "TIMEOUT",
        );
        // Exactly one payment at IDPay, never two: a resend would have come before the answer.
        expect(faultedCalls).toBe(1);
        expect(sim.payments.list().length).toBe(before + 1);
      });

      it("retries a verify that never answers, then reports TIMEOUT", async () => {
        const session = await open();
        await decide(session, "pay");
        sim.faults.set({ timeout: true, operations: ["verify"] });
        expectFailure(await verify(session), "TIMEOUT");
        expect(sim.payments.get(session.authority)!.verifyCalls).toBe(3);
        sim.faults.reset();
        expect(await verify(session)).toMatchObject({ ok: true, value: { status: "ALREADY_VERIFIED" } });
      });

      it("reports UNAVAILABLE on 5xx: verify and inquiry after two retries, create after one attempt", async () => {
        const session = await open();
        await decide(session, "pay");
        sim.faults.set({ serverErrorRate: 1 });
        faultedCalls = 0;
        expectFailure(await verify(session), "UNAVAILABLE");
        expect(faultedCalls).toBe(3);
        faultedCalls = 0;
        expectFailure(await inquiry(session), "UNAVAILABLE");
        expect(faultedCalls).toBe(3);
        faultedCalls = 0;
        expectFailure(
          await gateway.requestPayment({
            amount: AMOUNT,
            callbackUrl: CALLBACK,
            description: "d",
            orderId: "o",
          }),
          "UNAVAILABLE",
        );
        expect(faultedCalls).toBe(1);
        expect(sim.payments.get(session.authority)!.status).toBe(10);
      });

      it("gets through a passing 5xx on verify by retrying", async () => {
        const session = await open();
        await decide(session, "pay");
        sim.faults.set({ serverErrorRate: 1, operations: ["verify"] });
        failNext = 2;
        faultedCalls = 0;
        expect(await verify(session)).toMatchObject({ ok: true, value: { status: "PAID" } });
        expect(faultedCalls).toBe(3);
      });

      it("takes garbage for INVALID_RESPONSE, never for success, and does not retry it", async () => {
        const session = await open();
        await decide(session, "pay");
        sim.faults.set({ garbage: true });
        expectFailure(await verify(session), "INVALID_RESPONSE");
        expect(sim.payments.get(session.authority)!.verifyCalls).toBe(1);
        expectFailure(await inquiry(session), "INVALID_RESPONSE");
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
    });
  },
);
