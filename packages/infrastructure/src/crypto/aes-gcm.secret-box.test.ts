import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AesGcmSecretBox } from "./aes-gcm.secret-box.ts";

describe("AesGcmSecretBox", () => {
  const box = new AesGcmSecretBox(randomBytes(32));

  it("opens what it sealed, with a fresh IV every time", () => {
    const first = box.seal("JBSWY3DPEHPK3PXP");
    const second = box.seal("JBSWY3DPEHPK3PXP");
    expect(first).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(first).not.toBe(second);
    expect(box.open(first)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a tampered ciphertext, a wrong key and an unknown version", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    const [version, iv, tag, ciphertext] = sealed.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() => box.open([version, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
    expect(() => new AesGcmSecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open(sealed.replace(/^v1/, "v2"))).toThrow(/unknown format/);
    expect(() => box.open("not sealed")).toThrow(/unknown format/);
  });

  it("needs a 32-byte key", () => {
    expect(() => new AesGcmSecretBox(randomBytes(16))).toThrow(/32-byte/);
  });
});
