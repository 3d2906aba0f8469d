import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postDecision, postJson, readAutoSubmitForm } from "../../test/wire-client.ts";
import { startIdpaySimulator, type IdpaySimulator } from "./idpay.simulator.ts";

const CALLBACK = "http://127.0.0.1:9/payments/idpay/callback";

describe("IDPay v1.1 simulator", () => {
  let idpay: IdpaySimulator;
  const headers = () => ({ "X-API-KEY": idpay.apiKey, "X-SANDBOX": "1" });
  const api = (path: string, body: Record<string, unknown>, extra: Record<string, string> = headers()) =>
    postJson(`${idpay.url}/v1.1/payment${path}`, body, extra);
  const create = async (overrides: Record<string, unknown> = {}) => {
    const answer = await api("", { order_id: "101", amount: 250_000, callback: CALLBACK, ...overrides });
    return answer.json() as { id: string; link: string };
  };
  const errorOf = (answer: { status: number; json: () => unknown }) => [
    answer.status,
    (answer.json() as { error_code: number }).error_code,
  ];

  beforeAll(async () => {
    idpay = await startIdpaySimulator({ merchantName: "پیکربند" });
  });
  afterAll(() => idpay.close());

  it("create → page → pay → auto-submitted POST to the callback → verify 100, then 101", async () => {
    const created = await api("", {
      order_id: "101",
      amount: 250_000,
      name: "قاسم رادمان",
      phone: "09382198592",
      mail: "my@site.com",
      desc: "شارژ کیف پول",
      callback: CALLBACK,
    });
    expect(created.status).toBe(201);
    const { id, link } = created.json() as { id: string; link: string };
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(link).toBe(`${idpay.url}/p/ws-sandbox/${id}`);
    expect(idpay.payments.get(id)?.status).toBe(1);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain("۲۵۰٬۰۰۰ ریال");
    expect(html).toContain("پیکربند");
    expect(html).toContain(`action="/p/ws-sandbox/${id}"`);
    expect(idpay.payments.get(id)?.status).toBe(8);

    const back = await postDecision(link, "pay");
    expect(back.status).toBe(200);
    const form = readAutoSubmitForm(await back.text());
    expect(form.action).toBe(CALLBACK);
    expect(form.fields).toMatchObject({ status: "10", id, order_id: "101", amount: "250000" });
    expect(form.fields.track_id).toMatch(/^\d+$/);
    expect(form.fields.date).toMatch(/^\d{10}$/);
    expect(form.fields.card_no).toMatch(/^\d{6}\*{6}\d{4}$/);
    expect(form.fields.hashed_card_no).toMatch(/^[0-9A-F]{64}$/);

    const verify = await api("/verify", { id, order_id: "101" });
    expect(verify.status).toBe(200);
    const verified = verify.json() as Record<string, unknown>;
    expect(verified).toMatchObject({
      status: "100",
      track_id: form.fields.track_id,
      id,
      order_id: "101",
      amount: "250000",
      payment: { amount: "250000", card_no: form.fields.card_no, hashed_card_no: form.fields.hashed_card_no },
      verify: { date: expect.stringMatching(/^\d{10}$/) },
    });

    expect((await api("/verify", { id, order_id: "101" })).json()).toMatchObject({ status: "101", id });
    const inquiry = await api("/inquiry", { id, order_id: "101" });
    expect(inquiry.status).toBe(200);
    expect(inquiry.json()).toMatchObject({
      status: "100",
      payer: { name: "قاسم رادمان", phone: "09382198592", mail: "my@site.com", desc: "شارژ کیف پول" },
      wage: { by: "payee" },
    });
    expect(idpay.payments.get(id)).toMatchObject({ status: 100, verifyCalls: 2 });
  });

  it("cancel posts status 7; verify then refuses with 405 / 53 and inquiry reports 7", async () => {
    const { id, link } = await create({ order_id: 202 });
    await fetch(link);
    const form = readAutoSubmitForm(await (await postDecision(link, "cancel")).text());
    expect(form.fields).toMatchObject({ status: "7", id, order_id: "202", amount: "250000" });
    expect(form.fields.card_no).toBeUndefined();
    const verify = await api("/verify", { id, order_id: "202" });
    expect(verify.json()).toEqual({ error_code: 53, error_message: "تایید پرداخت امکان پذیر نیست." });
    expect(verify.status).toBe(405);
    expect((await api("/inquiry", { id, order_id: "202" })).json()).toMatchObject({ status: "7" });
    expect((await fetch(link)).status).toBe(410);
  });

  it("a declined card posts status 2; an unpaid payment cannot be verified", async () => {
    const declined = await create();
    expect(readAutoSubmitForm(await (await postDecision(declined.link, "fail")).text()).fields.status).toBe(
      "2",
    );
    const unpaid = await create();
    expect(errorOf(await api("/verify", { id: unpaid.id, order_id: "101" }))).toEqual([405, 53]);
    expect((await api("/inquiry", { id: unpaid.id, order_id: "101" })).json()).toMatchObject({ status: "1" });
  });

  it("unknown id, wrong order_id or the other realm: verify 405 / 53, inquiry 400 / 52", async () => {
    const { id } = await create();
    const unknown = "0".repeat(32);
    expect(errorOf(await api("/verify", { id: unknown, order_id: "101" }))).toEqual([405, 53]);
    expect(errorOf(await api("/inquiry", { id: unknown, order_id: "101" }))).toEqual([400, 52]);
    expect(errorOf(await api("/verify", { id, order_id: "999" }))).toEqual([405, 53]);
    expect(errorOf(await api("/inquiry", { id, order_id: "101" }, { "X-API-KEY": idpay.apiKey }))).toEqual([
      400, 52,
    ]);
    expect((await fetch(`${idpay.url}/p/ws/${id}`)).status).toBe(404);
    expect(errorOf(await api("/verify", { order_id: "101" }))).toEqual([406, 31]);
    expect(errorOf(await api("/inquiry", { id }))).toEqual([406, 32]);
  });

  it("refuses a missing or wrong X-API-KEY with 403 / 12, and production calls get a production link", async () => {
    const keys: Record<string, string>[] = [{}, { "X-API-KEY": "6a7f99eb-7c20-4412-a972-6dfb7cd253a4" }];
    for (const extra of keys) {
      const answer = await api("", { order_id: "1", amount: 1000, callback: CALLBACK }, extra);
      expect(answer.json()).toEqual({ error_code: 12, error_message: "API Key یافت نشد." });
      expect(answer.status).toBe(403);
      expect(errorOf(await api("/verify", { id: "x", order_id: "1" }, extra))).toEqual([403, 12]);
    }
    const live = await api(
      "",
      { order_id: "1", amount: 1000, callback: CALLBACK },
      { "X-API-KEY": idpay.apiKey },
    );
    expect((live.json() as { link: string }).link).toMatch(/\/p\/ws\/[0-9a-f]{32}$/);
  });

  it("validates create with the documented codes, all HTTP 406", async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ amount: 1000, callback: CALLBACK }, 32],
      [{ order_id: "1", callback: CALLBACK }, 33],
      [{ order_id: "1", amount: 999, callback: CALLBACK }, 34],
      [{ order_id: "1", amount: "ten", callback: CALLBACK }, 34],
      [{ order_id: "1", amount: 500_000_001, callback: CALLBACK }, 35],
      [{ order_id: "1", amount: 1000 }, 37],
      [{ order_id: "1", amount: 1000, callback: "javascript:alert(1)" }, 39],
    ];
    for (const [body, code] of cases) {
      expect(errorOf(await api("", body))).toEqual([406, code]);
    }
    expect((await api("", { order_id: 1, amount: "500000000", callback: CALLBACK })).status).toBe(201);
  });

  it("escapes merchant-controlled strings on the page and in the return form", async () => {
    const { id, link } = await create({
      desc: `<img src=x onerror="alert(1)">`,
      name: "a & b",
      order_id: `"><b>`,
    });
    const html = await (await fetch(link)).text();
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("a &amp; b");
    const returned = await (await postDecision(link, "pay")).text();
    expect(returned).not.toContain(`"><b>`);
    expect(readAutoSubmitForm(returned).fields).toMatchObject({ id, order_id: `"><b>` });
  });
});
