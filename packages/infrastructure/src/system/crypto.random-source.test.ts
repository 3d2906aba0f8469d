import { describe, expect, it } from "vitest";
import { CryptoRandomSource, UNAMBIGUOUS_ALPHABET } from "./crypto.random-source.ts";
import { Sha256Digest } from "./sha256.digest.ts";

describe("CryptoRandomSource", () => {
  const random = new CryptoRandomSource();

  it("makes base64url tokens of the requested entropy", () => {
    const token = random.token(32);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(random.token(32)).not.toBe(token);
  });

  it("makes codes only from the unambiguous alphabet, using all of it", () => {
    const codes = Array.from({ length: 200 }, () => random.code(10));
    expect(codes.every((code) => code.length === 10 && /^[2-9A-HJ-NP-Z]+$/.test(code))).toBe(true);
    expect(new Set(codes.join(""))).toEqual(new Set(UNAMBIGUOUS_ALPHABET));
  });

  it("stays uniform with an alphabet that does not divide 256", () => {
    const digits = new CryptoRandomSource("0123456789");
    const counts = new Map<string, number>();
    for (const ch of digits.code(50_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    for (const count of counts.values()) expect(Math.abs(count - 5_000)).toBeLessThan(400);
  });
});

describe("Sha256Digest", () => {
  it("gives the SHA-256 of the UTF-8 text as hex", () => {
    expect(new Sha256Digest().sha256("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
