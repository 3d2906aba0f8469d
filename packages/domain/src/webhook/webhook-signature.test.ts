import { describe, expect, it } from "vitest";
import { webhookBody } from "./webhook-event.ts";
import { signatureHeader, signatureTimestamp, signedPayload } from "./webhook-signature.ts";
import { parseWebhookUrl } from "./webhook-url.ts";

describe("webhook signature and body", () => {
  it("signs `<t>.<body>` with t in whole seconds, and writes Stripe's header shape", () => {
    const t = signatureTimestamp(new Date("2026-01-01T00:00:01.999Z"));
    expect(t).toBe(1767225601);
    expect(signedPayload(t, '{"a":1}')).toBe('1767225601.{"a":1}');
    expect(signatureHeader(t, "ab".repeat(32))).toBe(`t=1767225601,v1=${"ab".repeat(32)}`);
  });

  it("puts id, type, createdAt and data in the body", () => {
    const body = webhookBody({
      id: "e1",
      type: "BALANCE_LOW",
      userId: "u",
      occurredAt: new Date("2026-01-01T00:00:00Z"),
      data: { balance: "100" },
    });
    expect(JSON.parse(body)).toEqual({
      id: "e1",
      type: "BALANCE_LOW",
      createdAt: "2026-01-01T00:00:00.000Z",
      data: { balance: "100" },
    });
  });

  it("takes http(s) URLs without credentials only", () => {
    expect(parseWebhookUrl("https://hooks.example.com/p?x=1#frag")).toMatchObject({
      ok: true,
      value: new URL("https://hooks.example.com/p?x=1"),
    });
    for (const bad of ["ftp://example.com", "https://u:p@example.com", "not a url", "javascript:alert(1)"]) {
      expect(parseWebhookUrl(bad).ok).toBe(false);
    }
  });
});
