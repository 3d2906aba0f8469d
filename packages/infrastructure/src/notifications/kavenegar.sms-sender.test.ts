import { startKavenegarSimulator, type KavenegarSimulator } from "@peykarband/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KavenegarSmsSender } from "./kavenegar.sms-sender.ts";

describe("KavenegarSmsSender against the Kavenegar simulator", () => {
  let kavenegar: KavenegarSimulator;
  const sender = (overrides: { apiKey?: string; timeoutMs?: number } = {}) =>
    new KavenegarSmsSender({
      baseUrl: kavenegar.url,
      apiKey: kavenegar.apiKey,
      sender: "10004346",
      ...overrides,
    });

  beforeAll(async () => {
    kavenegar = await startKavenegarSimulator({ senders: ["10004346"], random: () => 0 });
  });
  afterAll(() => kavenegar.close());

  it("sends to an E.164 number as 09… and returns Kavenegar's messageid", async () => {
    const sent = await sender().send({ receptor: "+989121234567", text: "موجودی شما رو به پایان است" });
    expect(sent.ok).toBe(true);
    const [message] = kavenegar.messages().slice(-1);
    expect(message).toMatchObject({
      receptor: "09121234567",
      sender: "10004346",
      message: "موجودی شما رو به پایان است",
    });
    expect(sent.ok && sent.value.providerMessageId).toBe(String(message!.messageid));
  });

  it("a refusal is REJECTED with Kavenegar's status, and the key never appears in the message", async () => {
    const wrongKey = "SECRET-KEY-THAT-IS-WRONG";
    const refused = await sender({ apiKey: wrongKey }).send({ receptor: "+989121234567", text: "x" });
    expect(refused).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "403" } });
    expect(JSON.stringify(refused)).not.toContain(wrongKey);
  });

  it("a 5xx is UNAVAILABLE, a cut answer INVALID_RESPONSE, a withheld one TIMEOUT: none is taken as sent", async () => {
    const text = { receptor: "+989121234567", text: "x" };
    try {
      kavenegar.faults.set({ serverErrorRate: 1 });
      expect(await sender().send(text)).toMatchObject({ ok: false, error: { kind: "UNAVAILABLE" } });
      kavenegar.faults.set({ serverErrorRate: 0, garbage: true });
      expect(await sender().send(text)).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
      kavenegar.faults.set({ garbage: false, timeout: true });
      const late = await sender({ timeoutMs: 200 }).send(text);
      expect(late).toMatchObject({ ok: false, error: { kind: "TIMEOUT" } });
      expect(JSON.stringify(late)).not.toContain(kavenegar.apiKey);
    } finally {
      kavenegar.faults.reset();
    }
  });
});
