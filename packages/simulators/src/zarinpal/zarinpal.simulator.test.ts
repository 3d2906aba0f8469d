import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postDecision, postJson } from "../../test/wire-client.ts";
import { startZarinpalSimulator, type ZarinpalSimulator } from "./zarinpal.simulator.ts";

const AUTHORITY = /^A[0-9a-zA-Z]{35}$/;

describe("Zarinpal v4 simulator", () => {
  let zp: ZarinpalSimulator;
  const api = (method: string, body: Record<string, unknown>) =>
    postJson(`${zp.url}/pg/v4/payment/${method}.json`, body);
  const request = async (overrides: Record<string, unknown> = {}) => {
    const answer = await api("request", {
      merchant_id: zp.merchantId,
      amount: 150_000,
      callback_url: "http://127.0.0.1:9/payments/zarinpal/callback?topUp=7",
      description: "شارژ کیف پول",
      metadata: { mobile: "09121234567", email: "user@example.com" },
      ...overrides,
    });
    const { data } = answer.json() as { data: { authority: string } };
    return data.authority;
  };
  const errorOf = (answer: { json: () => unknown }) =>
    (answer.json() as { errors: { code: number } }).errors.code;

  beforeAll(async () => {
    zp = await startZarinpalSimulator({ merchantName: "پیکربند" });
  });
  afterAll(() => zp.close());

  it("listens on 127.0.0.1 with an ephemeral port and a UUID merchant id", () => {
    expect(zp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(zp.merchantId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("request → StartPay page → pay → GET callback with Authority and Status=OK → verify 100, then 101", async () => {
    const answer = await api("request", {
      merchant_id: zp.merchantId,
      amount: 150_000,
      callback_url: "http://127.0.0.1:9/cb?topUp=7",
      description: "شارژ کیف پول",
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/application\/json/);
    const body = answer.json() as { data: Record<string, unknown>; errors: unknown };
    expect(body).toMatchObject({ data: { code: 100, message: "Success", fee_type: "Merchant" }, errors: [] });
    const authority = body.data.authority as string;
    expect(authority).toMatch(AUTHORITY);

    const pageUrl = `${zp.url}/pg/StartPay/${authority}`;
    const page = await fetch(pageUrl, { headers: { referer: "http://127.0.0.1:9/wallet" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain("۱۵۰٬۰۰۰ ریال");
    expect(html).toContain("پیکربند");
    expect(html).toContain(`<form method="post" action="/pg/StartPay/${authority}">`);
    expect(html).toContain('name="decision" value="pay"');
    expect(html).toContain('name="decision" value="cancel"');

    const back = await postDecision(pageUrl, "pay");
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get("location")!);
    expect(callback.origin + callback.pathname).toBe("http://127.0.0.1:9/cb");
    expect(Object.fromEntries(callback.searchParams)).toEqual({
      topUp: "7",
      Authority: authority,
      Status: "OK",
    });

    const unverified = await api("unVerified", { merchant_id: zp.merchantId });
    expect(unverified.json()).toMatchObject({
      data: {
        code: 100,
        authorities: expect.arrayContaining([
          expect.objectContaining({ authority, amount: 150_000, referer: "http://127.0.0.1:9/wallet" }),
        ]),
      },
    });
    expect(
      await api("inquiry", { merchant_id: zp.merchantId, authority }).then((a) => a.json()),
    ).toMatchObject({
      data: { code: 100, status: "PAID" },
    });

    const first = await api("verify", { merchant_id: zp.merchantId, amount: 150_000, authority });
    expect(first.status).toBe(200);
    const verified = first.json() as { data: Record<string, unknown>; errors: unknown };
    expect(verified).toMatchObject({
      data: { code: 100, message: "Verified", fee_type: "Merchant" },
      errors: [],
    });
    expect(verified.data.ref_id).toEqual(expect.any(Number));
    expect(verified.data.card_pan).toMatch(/^\d{6}\*{6}\d{4}$/);
    expect(verified.data.card_hash).toMatch(/^[0-9A-F]{64}$/);

    const second = (await api("verify", { merchant_id: zp.merchantId, amount: 150_000, authority })).json();
    expect(second).toMatchObject({ data: { code: 101, ref_id: verified.data.ref_id }, errors: [] });
    expect(zp.payments.get(authority)).toMatchObject({ status: "VERIFIED", verifyCalls: 2 });

    const after = (await api("unVerified", { merchant_id: zp.merchantId })).json() as {
      data: { authorities: { authority: string }[] };
    };
    expect(after.data.authorities.map((a) => a.authority)).not.toContain(authority);
  });

  it("cancel → Status=NOK; verify says -51 (not paid); the page is closed afterwards", async () => {
    const authority = await request();
    const pageUrl = `${zp.url}/pg/StartPay/${authority}`;
    const back = await postDecision(pageUrl, "cancel");
    expect(new URL(back.headers.get("location")!).searchParams.get("Status")).toBe("NOK");
    const verify = await api("verify", { merchant_id: zp.merchantId, amount: 150_000, authority });
    expect(verify.status).toBe(422);
    expect(verify.json()).toEqual({
      data: [],
      errors: {
        code: -51,
        message: "Session is not valid, session is not active paid try.",
        validations: [],
      },
    });
    expect((await fetch(pageUrl)).status).toBe(410);
    expect((await postDecision(pageUrl, "pay")).status).toBe(410);
    expect(zp.payments.get(authority)?.status).toBe("CANCELLED");
  });

  it("a payment never paid verifies as -51, a declined card as NOK", async () => {
    const unpaid = await request();
    expect(
      errorOf(await api("verify", { merchant_id: zp.merchantId, amount: 150_000, authority: unpaid })),
    ).toBe(-51);
    const declined = await request();
    const back = await postDecision(`${zp.url}/pg/StartPay/${declined}`, "fail");
    expect(new URL(back.headers.get("location")!).searchParams.get("Status")).toBe("NOK");
    expect(zp.payments.get(declined)?.status).toBe("FAILED");
  });

  it("verify with a wrong amount is -50 and leaves the payment unverified", async () => {
    const authority = await request();
    await postDecision(`${zp.url}/pg/StartPay/${authority}`, "pay");
    const verify = await api("verify", { merchant_id: zp.merchantId, amount: 150_001, authority });
    expect(errorOf(verify)).toBe(-50);
    expect(zp.payments.get(authority)?.status).toBe("PAID");
  });

  it("an unknown authority is -54 on verify and inquiry, a malformed one -9, and 404 on StartPay", async () => {
    const unknown = `A${"0".repeat(35)}`;
    expect(
      errorOf(await api("verify", { merchant_id: zp.merchantId, amount: 1000, authority: unknown })),
    ).toBe(-54);
    expect(errorOf(await api("inquiry", { merchant_id: zp.merchantId, authority: unknown }))).toBe(-54);
    const malformed = await api("verify", { merchant_id: zp.merchantId, amount: 1000, authority: "forged" });
    expect(malformed.json()).toMatchObject({
      errors: { code: -9, validations: [{ authority: expect.any(String) }] },
    });
    expect((await fetch(`${zp.url}/pg/StartPay/${unknown}`)).status).toBe(404);
  });

  it("validates the merchant id: missing or malformed is -9, another terminal's is -10", async () => {
    const missing = await api("request", {
      amount: 1000,
      callback_url: "http://127.0.0.1/cb",
      description: "x",
    });
    expect(missing.status).toBe(422);
    expect(missing.json()).toEqual({
      data: [],
      errors: {
        code: -9,
        message: "The input params invalid, validation error.",
        validations: [{ merchant_id: "The merchant id field is required." }],
      },
    });
    const bad = await api("verify", {
      merchant_id: "not-a-uuid",
      amount: 1000,
      authority: `A${"0".repeat(35)}`,
    });
    expect(errorOf(bad)).toBe(-9);
    const other = "00000000-0000-4000-8000-000000000000";
    const foreign = await api("request", {
      merchant_id: other,
      amount: 1000,
      callback_url: "http://127.0.0.1/cb",
      description: "x",
    });
    expect(errorOf(foreign)).toBe(-10);
    expect(errorOf(await api("unVerified", { merchant_id: other }))).toBe(-10);
  });

  it("validates the request body: every broken field listed, then the amount ceiling (-41)", async () => {
    const broken = await api("request", {
      merchant_id: zp.merchantId,
      amount: 999,
      callback_url: "ftp://example.com",
      metadata: { mobile: "12345" },
    });
    const { errors } = broken.json() as { errors: { code: number; validations: Record<string, string>[] } };
    expect(errors.code).toBe(-9);
    expect(errors.validations.map((v) => Object.keys(v)[0])).toEqual([
      "amount",
      "callback_url",
      "description",
      "metadata",
    ]);
    const long = await api("request", {
      merchant_id: zp.merchantId,
      amount: 1000,
      callback_url: "http://127.0.0.1/cb",
      description: "x".repeat(501),
    });
    expect(errorOf(long)).toBe(-9);
    const tooMuch = await api("request", {
      merchant_id: zp.merchantId,
      amount: 1_000_000_001,
      callback_url: "http://127.0.0.1/cb",
      description: "x",
    });
    expect(tooMuch.json()).toMatchObject({
      errors: { code: -41, message: "Maximum amount is 100,000,000 tomans." },
    });
    expect(
      errorOf(
        await api("request", {
          merchant_id: zp.merchantId,
          amount: 100_000_001,
          currency: "IRT",
          callback_url: "http://127.0.0.1/cb",
          description: "x",
        }),
      ),
    ).toBe(-41);
  });

  it("escapes the merchant-controlled description on the page", async () => {
    const authority = await request({
      description: `<script>alert("x")</script> & 'q'`,
      currency: "IRT",
      amount: 5000,
    });
    const html = await (await fetch(`${zp.url}/pg/StartPay/${authority}`)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
    expect(html).toContain("۵٬۰۰۰ تومان");
  });

  it("sends error envelopes with the configured HTTP status", async () => {
    const other = await startZarinpalSimulator({ errorHttpStatus: 400 });
    try {
      expect((await postJson(`${other.url}/pg/v4/payment/request.json`, {})).status).toBe(400);
    } finally {
      await other.close();
    }
  });
});
