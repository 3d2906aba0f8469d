import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyWebhook } from "./verify-webhook.ts";

const secret = "whsec_test_secret";
const body = '{"type":"server.status_changed","data":{"status":"ACTIVE"}}';
const signedAt = 1_800_000_000;

const sign = (timestamp: number, payload: string, key = secret) =>
  createHmac("sha256", key).update(`${timestamp}.${payload}`).digest("hex");
const header = (timestamp: number, ...signatures: string[]) =>
  [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(",");

describe("verifyWebhook", () => {
  afterEach(() => vi.useRealTimers());
  const at = (unixSeconds: number) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(unixSeconds * 1000);
  };

  it("accepts a delivery signed with the secret, as a string or as bytes", () => {
    at(signedAt + 10);
    const signature = header(signedAt, sign(signedAt, body));
    expect(verifyWebhook(secret, signature, body)).toEqual({
      valid: true,
      signedAt: new Date(signedAt * 1000),
    });
    expect(verifyWebhook(secret, signature, new TextEncoder().encode(body)).valid).toBe(true);
  });

  it("accepts any of several v1 signatures, as while a secret is rotated", () => {
    at(signedAt);
    const signature = header(signedAt, sign(signedAt, body, "old secret"), sign(signedAt, body));
    expect(verifyWebhook(secret, signature, body).valid).toBe(true);
  });

  it("refuses a changed body, another secret or a signature of another timestamp", () => {
    at(signedAt);
    const mismatch = { valid: false, reason: "SIGNATURE_MISMATCH" };
    expect(verifyWebhook(secret, header(signedAt, sign(signedAt, body)), `${body} `)).toEqual(mismatch);
    expect(verifyWebhook("another", header(signedAt, sign(signedAt, body)), body)).toEqual(mismatch);
    expect(verifyWebhook(secret, header(signedAt, sign(signedAt - 1, body)), body)).toEqual(mismatch);
  });

  it("refuses a timestamp outside the tolerance, in either direction", () => {
    const signature = header(signedAt, sign(signedAt, body));
    at(signedAt + 301);
    expect(verifyWebhook(secret, signature, body)).toEqual({
      valid: false,
      reason: "TIMESTAMP_OUT_OF_TOLERANCE",
    });
    expect(verifyWebhook(secret, signature, body, { toleranceSeconds: 600 }).valid).toBe(true);
    at(signedAt - 31);
    expect(verifyWebhook(secret, signature, body, { toleranceSeconds: 30 }).valid).toBe(false);
  });

  it("refuses a missing or malformed header", () => {
    at(signedAt);
    const malformed = { valid: false, reason: "MALFORMED_HEADER" };
    for (const bad of [undefined, "", `t=${signedAt}`, `v1=${sign(signedAt, body)}`, "t=abc,v1=zz"]) {
      expect(verifyWebhook(secret, bad, body)).toEqual(malformed);
    }
    // A truncated signature is not a shorter match.
    expect(verifyWebhook(secret, header(signedAt, sign(signedAt, body).slice(0, 62)), body)).toEqual(
      malformed,
    );
  });
});
