import { afterEach, describe, expect, it, vi } from "vitest";
import { postDecision, postJson, readAutoSubmitForm } from "../../test/wire-client.ts";
import { startIdpaySimulator, type IdpaySimulator, type IdpaySimulatorOptions } from "./idpay.simulator.ts";

const CALLBACK = "http://127.0.0.1:9/cb?from=idpay";

describe("IDPay simulator options and faults", () => {
  let idpay: IdpaySimulator;
  const start = async (options: IdpaySimulatorOptions = {}) => (idpay = await startIdpaySimulator(options));
  const api = (path: string, body: Record<string, unknown>) =>
    postJson(`${idpay.url}/v1.1/payment${path}`, body, { "X-API-KEY": idpay.apiKey, "X-SANDBOX": "true" });
  const paid = async () => {
    const { id, link } = (await api("", { order_id: "9", amount: 1000, callback: CALLBACK })).json() as {
      id: string;
      link: string;
    };
    const back = await postDecision(link, "pay");
    return { id, back };
  };

  afterEach(async () => {
    vi.useRealTimers();
    await idpay.close();
  });

  it("spells numbers as numbers when asked, as the official Postman collection does", async () => {
    await start({ numbers: "number" });
    const { id } = await paid();
    expect((await api("/verify", { id, order_id: "9" })).json()).toMatchObject({
      status: 100,
      amount: 1000,
      track_id: expect.any(Number),
      date: expect.any(Number),
    });
  });

  it("returns by GET with status, track_id, id and order_id when the web service is set so", async () => {
    await start({ returnMethod: "GET" });
    const { id, back } = await paid();
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get("location")!);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      from: "idpay",
      status: "10",
      track_id: expect.stringMatching(/^\d+$/),
      id,
      order_id: "9",
    });
  });

  it("refuses a verify after the window with 405 / 54", async () => {
    await start({ verifyWindowMs: 10 * 60_000 });
    const { id } = await paid();
    // The simulator reads `Date.now()` at the verify: move it past the window rather than wait.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
    const answer = await api("/verify", { id, order_id: "9" });
    expect([answer.status, (answer.json() as { error_code: number }).error_code]).toEqual([405, 54]);
  });

  it("alreadyVerified answers status 101 to the first verify", async () => {
    await start();
    const { id } = await paid();
    idpay.faults.set({ alreadyVerified: true });
    expect((await api("/verify", { id, order_id: "9" })).json()).toMatchObject({ status: "101", id });
    expect(idpay.payments.get(id)?.status).toBe(100);
  });

  it("dropCallback takes the payment and leaves the browser on the gateway", async () => {
    await start();
    idpay.faults.set({ dropCallback: true });
    const { id, back } = await paid();
    expect(back.status).toBe(200);
    expect(await back.text()).not.toContain('<form id="return"');
    expect(idpay.payments.get(id)?.status).toBe(10);
    expect((await api("/inquiry", { id, order_id: "9" })).json()).toMatchObject({ status: "10" });
  });

  it("network faults hit the API through the control endpoint, never the payment page", async () => {
    await start({ random: () => 0.5 });
    const { id } = await paid();
    await postJson(`${idpay.url}/__sim/faults`, { serverErrorRate: 0.6, operations: ["verify"] });
    expect((await api("/verify", { id, order_id: "9" })).status).toBe(503);
    expect((await api("/inquiry", { id, order_id: "9" })).status).toBe(200);
    const { link } = (await api("", { order_id: "10", amount: 1000, callback: CALLBACK })).json() as {
      link: string;
    };
    await postJson(`${idpay.url}/__sim/faults`, { serverErrorRate: 0.4, garbage: true, operations: null });
    const garbage = await api("/inquiry", { id, order_id: "9" });
    expect(garbage.status).toBe(200);
    expect(() => garbage.json()).toThrow(SyntaxError);
    expect((await fetch(link)).status).toBe(200);
    expect(readAutoSubmitForm(await (await postDecision(link, "pay")).text()).fields.status).toBe("10");
  });

  it("timeout withholds the answer to a create that did happen", async () => {
    await start();
    idpay.faults.set({ timeout: true, latencyMs: 10 });
    await expect(
      postJson(
        `${idpay.url}/v1.1/payment`,
        { order_id: "9", amount: 1000, callback: CALLBACK },
        { "X-API-KEY": idpay.apiKey },
        AbortSignal.timeout(200),
      ),
    ).rejects.toThrow();
    expect(idpay.payments.list()).toHaveLength(1);
  });
});
