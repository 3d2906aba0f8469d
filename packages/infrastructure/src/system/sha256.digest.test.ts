import { describe, expect, it } from "vitest";
import { Sha256Digest } from "./sha256.digest.ts";

describe("Sha256Digest", () => {
  it("fingerprints bytes as ssh-keygen -l prints SHA256 fingerprints: base64 without padding", () => {
    // The well-known SHA-256 of empty input, 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= .
    expect(new Sha256Digest().sha256Base64(new Uint8Array())).toBe(
      "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
    );
  });

  it("hashes text as lower-case hex", () => {
    expect(new Sha256Digest().sha256("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
