import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { FixedClock } from "../testing/fixed-clock.ts";
import { OtplibTotp } from "./otplib.totp.ts";

describe("OtplibTotp", () => {
  const clock = new FixedClock(new Date("2026-03-21T08:00:10.000Z"));
  const totp = new OtplibTotp(clock, "Peykarband");
  const secret = totp.generateSecret();
  const epoch = Math.floor(clock.now().getTime() / 1000);
  const step = Math.floor(epoch / 30);
  const codeAt = (atStep: number) => generate({ secret, epoch: atStep * 30 });

  it("makes a base32 secret of 160 bits", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("builds the otpauth URI an authenticator app scans", () => {
    const uri = new URL(totp.keyUri("ali@example.ir", secret));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Peykarband");
  });

  it("returns the absolute time step of the current code", async () => {
    expect(await totp.matchStep(secret, await codeAt(step))).toBe(step);
  });

  it("accepts one step of drift either way, and reports which step matched", async () => {
    expect(await totp.matchStep(secret, await codeAt(step - 1))).toBe(step - 1);
    expect(await totp.matchStep(secret, await codeAt(step + 1))).toBe(step + 1);
  });

  it("rejects codes two steps away, wrong codes and malformed input", async () => {
    const current = await codeAt(step);
    const candidates = [await codeAt(step - 2), await codeAt(step + 2), "12345", "1234567", "abcdef", ""];
    for (const code of candidates.filter((code) => code !== current)) {
      expect(await totp.matchStep(secret, code)).toBeNull();
    }
  });
});
