import type { PasswordHasher, PasswordVerification } from "@peykarband/application";
import argon2 from "argon2";
import { randomBytes } from "node:crypto";

export interface Argon2Parameters {
  /** KiB. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id option 2. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class Argon2PasswordHasher implements PasswordHasher {
  /** Started at construction so the first unknown-email sign-in costs the same as the rest. */
  private readonly dummyHash: Promise<string>;

  constructor(private readonly parameters: Argon2Parameters = OWASP_ARGON2ID) {
    this.dummyHash = this.hash(randomBytes(16).toString("base64url"));
    // Surfaced by verifyAgainstDummy; without this an early failure would be an unhandled rejection.
    this.dummyHash.catch(() => undefined);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.parameters });
  }

  async verify(hash: string, password: string): Promise<PasswordVerification> {
    const valid = await argon2.verify(hash, password);
    return { valid, needsRehash: valid && argon2.needsRehash(hash, this.parameters) };
  }

  async verifyAgainstDummy(password: string): Promise<void> {
    await argon2.verify(await this.dummyHash, password);
  }
}
