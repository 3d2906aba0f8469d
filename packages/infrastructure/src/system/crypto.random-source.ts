import type { RandomSource } from "@peykarband/application";
import { randomBytes } from "node:crypto";

/** No 0/O or 1/I: codes people read off paper and type by hand. */
export const UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export class CryptoRandomSource implements RandomSource {
  constructor(private readonly alphabet: string = UNAMBIGUOUS_ALPHABET) {
    if (alphabet.length < 2 || alphabet.length > 256) throw new Error("alphabet must have 2..256 characters");
  }

  token(bytes: number): string {
    return randomBytes(bytes).toString("base64url");
  }

  code(length: number): string {
    // Bytes at or above the largest multiple of the alphabet size are rejected, so every character is equally likely.
    const limit = 256 - (256 % this.alphabet.length);
    let code = "";
    while (code.length < length) {
      for (const byte of randomBytes(length - code.length + 8)) {
        if (byte < limit && code.length < length) code += this.alphabet[byte % this.alphabet.length];
      }
    }
    return code;
  }
}
