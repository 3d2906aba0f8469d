import type { PasswordHasher, PasswordVerification } from "@peykarband/application";
import argon2 from "argon2";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import pLimit, { type LimitFunction } from "p-limit";

export interface Argon2Parameters {
  /** KiB. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id option 2. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * argon2 runs on libuv's thread pool, which also serves WebCrypto (JWT verification) and file I/O.
 * Hashing is CPU-bound, so more hashes at once than cores only queue that other work behind
 * 40 ms jobs. Capped at the core count, and one below the pool's size (UV_THREADPOOL_SIZE,
 * default 4: raise it on bigger machines), the pool keeps a thread free and hashing loses nothing.
 */
const POOL_SIZE = Number(process.env["UV_THREADPOOL_SIZE"]) || 4;
const HASHES_AT_ONCE = Math.max(1, Math.min(availableParallelism(), POOL_SIZE - 1));

export class Argon2PasswordHasher implements PasswordHasher {
  /** Started at construction so the first unknown-email sign-in costs the same as the rest. */
  private readonly dummyHash: Promise<string>;
  private readonly limit: LimitFunction = pLimit(HASHES_AT_ONCE);

  constructor(private readonly parameters: Argon2Parameters = OWASP_ARGON2ID) {
    this.dummyHash = this.hash(randomBytes(16).toString("base64url"));
    // Surfaced by verifyAgainstDummy; without this an early failure would be an unhandled rejection.
    this.dummyHash.catch(() => undefined);
  }

  hash(password: string): Promise<string> {
    return this.limit(() => argon2.hash(password, { type: argon2.argon2id, ...this.parameters }));
  }

  async verify(hash: string, password: string): Promise<PasswordVerification> {
    const valid = await this.limit(() => argon2.verify(hash, password));
    return { valid, needsRehash: valid && argon2.needsRehash(hash, this.parameters) };
  }

  async verifyAgainstDummy(password: string): Promise<void> {
    const dummy = await this.dummyHash;
    await this.limit(() => argon2.verify(dummy, password));
  }
}
