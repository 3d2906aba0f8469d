import { Rial } from "@peykarband/domain";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GatewayTiming } from "./gateway.http-client.ts";
import { IdpayPaymentGateway } from "./idpay.payment-gateway.ts";
import { ZarinpalPaymentGateway } from "./zarinpal.payment-gateway.ts";

/**
 * Answers the simulators never give (they speak the contract): odd codes, odd shapes, answers
 * about another transaction. Each must be a failure, never success.
 */
const FAST: GatewayTiming = { connectTimeoutMs: 500, requestTimeoutMs: 250, maxRetries: 2, retryDelayMs: 5 };
const MERCHANT_ID = "0b6f6a0e-5f4e-4c1b-9a37-2f3c1d4e5f60";
const API_KEY = "6a7f99eb-7c20-4412-a972-6dfb7cd253a4";
const AUTHORITY = `A${"0".repeat(35)}`;
const ID = "d2e353189823079e1e4181772cff5292";
const ORDER = "01890a5d-ac96-774b-bcce-b302099a8057";
const AMOUNT = Rial.of(10_000n);

interface Scripted {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

describe("payment gateways on answers outside the contract", () => {
  let server: Server;
  let url: string;
  let script: Scripted;
  let seen: { path: string; headers: IncomingHttpHeaders; body: string }[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push({ path: req.url ?? "", headers: req.headers, body });
        res.writeHead(script.status, { "content-type": "application/json", ...script.headers });
        res.end(typeof script.body === "string" ? script.body : JSON.stringify(script.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  describe("Zarinpal", () => {
    const gateway = () => new ZarinpalPaymentGateway({ baseUrl: url, merchantId: MERCHANT_ID, timing: FAST });
    const verify = () => gateway().verify({ authority: AUTHORITY, amount: AMOUNT, orderId: ORDER });
    const request = () =>
      gateway().requestPayment({
        amount: AMOUNT,
        callbackUrl: "https://api.example/cb",
        description: "d",
        orderId: ORDER,
      });
    const ok = (data: unknown): Scripted => ({ status: 200, body: { data, errors: [] } });

    it("sends the documented request body", async () => {
      script = ok({ code: 100, message: "Success", authority: AUTHORITY, fee_type: "Merchant", fee: 0 });
      expect(await request()).toEqual({
        ok: true,
        value: { authority: AUTHORITY, redirectUrl: `${url}/pg/StartPay/${AUTHORITY}` },
      });
      expect(seen[0]!.path).toBe("/pg/v4/payment/request.json");
      expect(JSON.parse(seen[0]!.body)).toEqual({
        merchant_id: MERCHANT_ID,
        amount: 10_000,
        currency: "IRR",
        description: "d",
        callback_url: "https://api.example/cb",
        metadata: { order_id: ORDER },
      });
    });

    it.each<[string, Scripted]>([
      ["an unknown success code", ok({ code: 102, ref_id: 1 })],
      ["a success without ref_id", ok({ code: 100 })],
      ["an empty data with no error", { status: 200, body: { data: [], errors: [] } }],
      ["a JSON that is not an envelope", { status: 200, body: [1, 2] }],
      [
        "a redirect, which is not followed",
        { status: 302, body: "", headers: { location: "https://evil.example" } },
      ],
      [
        "a success envelope with a 4xx status",
        { status: 404, body: { data: { code: 100, ref_id: 1 }, errors: [] } },
      ],
    ])("takes %s on verify for INVALID_RESPONSE", async (_, answer) => {
      script = answer;
      expect(await verify()).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
      expect(seen).toHaveLength(1);
    });

    it("takes a malformed authority from request for INVALID_RESPONSE", async () => {
      script = ok({ code: 100, authority: "../../evil" });
      expect(await request()).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
    });

    it("decides on the error code even on a 5xx, and redacts the merchant id if echoed", async () => {
      script = { status: 500, body: { data: [], errors: { code: -52, message: `oops for ${MERCHANT_ID}` } } };
      const result = await verify();
      expect(result).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "-52" } });
      expect(JSON.stringify(result)).not.toContain(MERCHANT_ID);
      expect(JSON.stringify(result)).toContain("[REDACTED]");
    });
  });

  describe("IDPay", () => {
    const gateway = (sandbox = false) =>
      new IdpayPaymentGateway({ baseUrl: url, apiKey: API_KEY, sandbox, timing: FAST });
    const verify = () => gateway().verify({ authority: ID, amount: AMOUNT, orderId: ORDER });
    const tx = (fields: Record<string, unknown>): Scripted => ({
      status: 200,
      body: { status: "100", track_id: "10012", id: ID, order_id: ORDER, amount: "10000", ...fields },
    });

    it("sends the key, X-SANDBOX only when configured, and the documented body", async () => {
      script = { status: 201, body: { id: ID, link: `https://idpay.ir/p/ws-sandbox/${ID}` } };
      const request = {
        amount: AMOUNT,
        callbackUrl: "https://api.example/cb",
        description: "d",
        orderId: ORDER,
      };
      expect(await gateway(true).requestPayment(request)).toEqual({
        ok: true,
        value: { authority: ID, redirectUrl: `https://idpay.ir/p/ws-sandbox/${ID}` },
      });
      await gateway(false).requestPayment(request);
      expect(seen.map((call) => [call.path, call.headers["x-api-key"], call.headers["x-sandbox"]])).toEqual([
        ["/v1.1/payment", API_KEY, "1"],
        ["/v1.1/payment", API_KEY, undefined],
      ]);
      expect(JSON.parse(seen[0]!.body)).toEqual({
        order_id: ORDER,
        amount: 10_000,
        callback: "https://api.example/cb",
        desc: "d",
      });
    });

    it("reads 200 (settled) as ALREADY_VERIFIED and 2 (failed) as NOT_PAID", async () => {
      script = tx({ status: 200, payment: { amount: 10_000 } });
      expect(await verify()).toEqual({
        ok: true,
        value: { status: "ALREADY_VERIFIED", referenceId: "10012", amount: AMOUNT },
      });
      script = tx({ status: "2" });
      expect(await verify()).toEqual({ ok: true, value: { status: "NOT_PAID" } });
    });

    it.each<[string, Scripted]>([
      ["status 10 (still waiting) from verify", tx({ status: "10" })],
      ["an undocumented status", tx({ status: "999" })],
      ["an answer about another transaction", tx({ id: "ffffffffffffffffffffffffffffffff" })],
      ["an answer about another order", tx({ order_id: "someone-else" })],
      ["a verified answer without track_id", tx({ track_id: undefined })],
      ["contradicting amounts", tx({ payment: { amount: "20000" } })],
      ["a negative amount", tx({ amount: "-10000" })],
      ["no status", tx({ status: undefined })],
      ["a body that is not JSON", { status: 200, body: "<html>ok</html>" }],
    ])("takes %s for INVALID_RESPONSE", async (_, answer) => {
      script = answer;
      expect(await verify()).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
      expect(seen).toHaveLength(1);
    });

    it("takes a link that is not http(s) for INVALID_RESPONSE", async () => {
      script = { status: 201, body: { id: ID, link: "javascript:alert(1)" } };
      const result = await gateway().requestPayment({
        amount: AMOUNT,
        callbackUrl: "https://a.example/cb",
        description: "d",
        orderId: ORDER,
      });
      expect(result).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
    });

    it("retries IDPay's own 500 (15, service unavailable) and reports UNAVAILABLE with its code", async () => {
      script = { status: 500, body: { error_code: 15, error_message: "سرویس در دسترس نیست" } };
      expect(await verify()).toMatchObject({ ok: false, error: { kind: "UNAVAILABLE", code: "15" } });
      expect(seen).toHaveLength(3);
    });

    it("reports other errors as REJECTED with the code (54: verify window passed), the key redacted", async () => {
      script = { status: 405, body: { error_code: "54", error_message: `late, key ${API_KEY}` } };
      const result = await verify();
      expect(result).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "54" } });
      expect(JSON.stringify(result)).not.toContain(API_KEY);
      expect(seen).toHaveLength(1);
    });
  });
});
