import type { PasswordHasher, PasswordVerification } from "@peykarband/application";
import { Argon2PasswordHasher } from "@peykarband/infrastructure";

/** One argon2id run: a hash at sign-up, a verify at sign-in, or the verify against the dummy hash. */
export type Argon2Run = "hash" | "verify" | "verify-dummy";

/**
 * Real argon2id that notes each run, so a test proves a refusal ran no argon2 (or exactly as many
 * as intended) by counting instead of timing the response on a loaded machine.
 */
export class CountingPasswordHasher implements PasswordHasher {
  private runs: Argon2Run[] = [];

  constructor(private readonly inner: PasswordHasher = new Argon2PasswordHasher()) {}

  hash(password: string): Promise<string> {
    this.runs.push("hash");
    return this.inner.hash(password);
  }

  verify(hash: string, password: string): Promise<PasswordVerification> {
    this.runs.push("verify");
    return this.inner.verify(hash, password);
  }

  verifyAgainstDummy(password: string): Promise<void> {
    this.runs.push("verify-dummy");
    return this.inner.verifyAgainstDummy(password);
  }

  /** The runs since the last take, in the order they started. */
  take(): Argon2Run[] {
    const taken = this.runs;
    this.runs = [];
    return taken;
  }
}
