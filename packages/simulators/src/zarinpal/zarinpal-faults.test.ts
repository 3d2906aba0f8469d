import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { postDecision, postJson } from "../../test/wire-client.ts";
import { startZarinpalSimulator, type ZarinpalSimulator } from "./zarinpal.simulator.ts";

describe("Zarinpal simulator fault knobs", () => {
  let zp: ZarinpalSimulator;
  const api = (method: string, body: Record<string, unknown>, signal?: AbortSignal) =>
    postJson(`${zp.url}/pg/v4/payment/${method}.json`, body, {}, signal);
  const requestBody = () => ({
    merchant_id: zp.merchantId,
    amount: 10_000,
    callback_url: "http://127.0.0.1:9/cb",
    description: "top-up",
  });
  const paidAuthority = async () => {
    const { data } = (await api("request", requestBody())).json() as { data: { authority: string } };
    await postDecision(`${zp.url}/pg/StartPay/${data.authority}`, "pay");
    return data.authority;
  };

  beforeAll(async () => {
    zp = await startZarinpalSimulator();
  });
  afterEach(() => zp.faults.reset());
  afterAll(() => zp.close());

  it("latency delays server-to-server answers", async () => {
    zp.faults.set({ latencyMs: 150 });
    const started = performance.now();
    expect((await api("request", requestBody())).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("serverErrorRate answers 503 from the proxy, and the gateway never sees the call", async () => {
    zp.faults.set({ serverErrorRate: 1 });
    const before = zp.payments.list().length;
    const answer = await api("request", requestBody());
    expect(answer.status).toBe(503);
    expect(answer.headers.get("content-type")).toMatch(/text\/html/);
    expect(zp.payments.list()).toHaveLength(before);
  });

  it("timeout processes the call and never answers", async () => {
    const authority = await paidAuthority();
    zp.faults.set({ timeout: true });
    await expect(
      api("verify", { merchant_id: zp.merchantId, amount: 10_000, authority }, AbortSignal.timeout(300)),
    ).rejects.toThrow();
    expect(zp.payments.get(authority)?.status).toBe("VERIFIED");
    zp.faults.reset();
    const again = await api("verify", { merchant_id: zp.merchantId, amount: 10_000, authority });
    expect(again.json()).toMatchObject({ data: { code: 101 } });
  });

  it("garbage answers 200 with a body that is not JSON, after processing the call", async () => {
    const authority = await paidAuthority();
    zp.faults.set({ garbage: true });
    const answer = await api("verify", { merchant_id: zp.merchantId, amount: 10_000, authority });
    expect(answer.status).toBe(200);
    expect(() => answer.json()).toThrow(SyntaxError);
    expect(zp.payments.get(authority)?.status).toBe("VERIFIED");
  });

  it("alreadyVerified makes the first verify answer 101", async () => {
    const authority = await paidAuthority();
    zp.faults.set({ alreadyVerified: true });
    const answer = await api("verify", { merchant_id: zp.merchantId, amount: 10_000, authority });
    expect(answer.json()).toMatchObject({ data: { code: 101, ref_id: expect.any(Number) }, errors: [] });
  });

  it("dropCallback takes the payment but never sends the browser back", async () => {
    const { data } = (await api("request", requestBody())).json() as { data: { authority: string } };
    zp.faults.set({ dropCallback: true });
    const page = await postDecision(`${zp.url}/pg/StartPay/${data.authority}`, "pay");
    expect(page.status).toBe(200);
    expect(page.headers.get("location")).toBeNull();
    expect(await page.text()).toContain('lang="fa"');
    expect(zp.payments.get(data.authority)?.status).toBe("PAID");
    const unverified = (await api("unVerified", { merchant_id: zp.merchantId })).json() as {
      data: { authorities: { authority: string }[] };
    };
    expect(unverified.data.authorities.map((a) => a.authority)).toContain(data.authority);
  });

  it("operations scopes the network faults: request works while verify is down", async () => {
    const authority = await paidAuthority();
    zp.faults.set({ serverErrorRate: 1, operations: ["verify"] });
    expect((await api("request", requestBody())).status).toBe(200);
    expect((await api("verify", { merchant_id: zp.merchantId, amount: 10_000, authority })).status).toBe(503);
    expect((await fetch(`${zp.url}/pg/StartPay/${authority}`)).status).toBe(410);
  });

  it("the JSON control endpoint reads, sets, rejects and resets knobs", async () => {
    const set = await postJson(`${zp.url}/__sim/faults`, { serverErrorRate: 1 });
    expect(set.json()).toMatchObject({ serverErrorRate: 1 });
    expect(zp.faults.current.serverErrorRate).toBe(1);
    expect((await api("request", requestBody())).status).toBe(503);

    const rejected = await postJson(`${zp.url}/__sim/faults`, { serverErrorRate: 2 });
    expect(rejected.status).toBe(400);
    expect(rejected.json()).toMatchObject({ error: expect.stringMatching(/serverErrorRate/) });

    const reset = await fetch(`${zp.url}/__sim/faults`, { method: "DELETE" });
    expect(await reset.json()).toMatchObject({ serverErrorRate: 0 });
    expect(await (await fetch(`${zp.url}/__sim/faults`)).json()).toMatchObject({ serverErrorRate: 0 });
    const payments = (await (await fetch(`${zp.url}/__sim/payments`)).json()) as unknown[];
    expect(payments.length).toBe(zp.payments.list().length);
  });

  it("close() ends connections held open by the timeout fault", async () => {
    const other = await startZarinpalSimulator();
    other.faults.set({ timeout: true });
    const pending = postJson(`${other.url}/pg/v4/payment/request.json`, {
      ...requestBody(),
      merchant_id: other.merchantId,
    }).catch((e: unknown) => e);
    // The request has been handled (its payment exists) and its answer is being withheld.
    await vi.waitFor(() => expect(other.payments.list()).toHaveLength(1));
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
