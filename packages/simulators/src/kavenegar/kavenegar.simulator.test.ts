import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKavenegarSimulator, type KavenegarSimulator } from "./kavenegar.simulator.ts";

describe("Kavenegar REST simulator (sms/send.json)", () => {
  let kavenegar: KavenegarSimulator;
  const send = async (params: Record<string, string>, key = kavenegar.apiKey) => {
    const response = await fetch(`${kavenegar.url}/v1/${key}/sms/send.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    kavenegar = await startKavenegarSimulator({ senders: ["10004346"], credit: 5_000, random: () => 1 });
  });
  afterAll(() => kavenegar.close());

  it("accepts a form POST and answers return 200 'تایید شد' with the queued entry", async () => {
    const answer = await send({
      receptor: "09121234567",
      message: "موجودی کیف پول شما رو به پایان است",
      sender: "10004346",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.return).toEqual({ status: 200, message: "تایید شد" });
    const [entry] = answer.body.entries as Record<string, unknown>[];
    expect(entry).toMatchObject({
      message: "موجودی کیف پول شما رو به پایان است",
      status: 1,
      statustext: "در صف ارسال",
      sender: "10004346",
      receptor: "09121234567",
      cost: 1_200,
    });
    expect(entry!.messageid).toEqual(expect.any(Number));
    expect(entry!.date).toEqual(expect.any(Number));
    expect(kavenegar.messages().map((m) => m.messageid)).toContain(entry!.messageid);
  });

  it("takes the same parameters as a GET query string", async () => {
    const query = new URLSearchParams({ receptor: "+989121234567", message: "hello" });
    const response = await fetch(`${kavenegar.url}/v1/${kavenegar.apiKey}/sms/send.json?${query}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { entries: { sender: string }[] }).entries[0]!.sender).toBe(
      "10004346",
    );
  });

  it("refuses with the real status codes: 403 key, 400 missing, 411 receptor, 412 sender, 418 credit", async () => {
    const statusOf = async (params: Record<string, string>, key?: string) => {
      const answer = await send(params, key);
      expect((answer.body.return as { status: number }).status).toBe(answer.status);
      expect(answer.body.entries).toBeNull();
      return answer.status;
    };
    expect(await statusOf({ receptor: "09121234567", message: "x" }, "WRONG")).toBe(403);
    expect(await statusOf({ receptor: "09121234567" })).toBe(400);
    expect(await statusOf({ receptor: "02188776655", message: "x" })).toBe(411);
    expect(await statusOf({ receptor: "09121234567", message: "x", sender: "3000" })).toBe(412);
    expect(await statusOf({ receptor: "09121234567", message: "x".repeat(300) })).toBe(418);
  });

  it("answers 503 from the proxy when the 5xx fault is on, and sends nothing", async () => {
    const flaky = await startKavenegarSimulator({ random: () => 0 });
    try {
      flaky.faults.set({ serverErrorRate: 1 });
      const response = await fetch(
        `${flaky.url}/v1/${flaky.apiKey}/sms/send.json?receptor=09121234567&message=x`,
      );
      expect(response.status).toBe(503);
      expect(flaky.messages()).toEqual([]);
    } finally {
      await flaky.close();
    }
  });
});
