import type { AccessTokenClaims, AccessTokenIssuer } from "../ports/access-token-issuer.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { RefreshSuccessor } from "../ports/refresh-successor.ts";
import type { SecretBox } from "../ports/secret-box.ts";
import type { Clock, Digest, IdGenerator, RandomSource } from "../ports/system.ts";
import type { Totp } from "../ports/totp.ts";

/**
 * Fast, transparent stand-ins for the crypto adapters, so use-case tests run in microseconds.
 * None of them is secure; the real ones live in infrastructure and have their own tests.
 */

/** FNV-1a, enough to tell test values apart. */
const fnv1a = (value: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
};

const randomText = (length: number, alphabet: string) =>
  Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");

export class FakePasswordHasher implements PasswordHasher {
  dummyChecks = 0;
  /** Hashes made under these "parameters"; others report needsRehash. */
  version = "v1";

  async hash(password: string) {
    return `${this.version}:${password}`;
  }

  async verify(hash: string, password: string) {
    const [version, ...rest] = hash.split(":");
    return { valid: rest.join(":") === password, needsRehash: version !== this.version };
  }

  async verifyAgainstDummy() {
    this.dummyChecks++;
  }
}

export class FakeAccessTokens implements AccessTokenIssuer {
  constructor(private readonly clock: Clock) {}

  async issue(claims: AccessTokenClaims) {
    return { token: `at.${encodeURIComponent(JSON.stringify(claims))}`, expiresAt: this.expiry() };
  }

  async verify(token: string) {
    if (!token.startsWith("at.")) return null;
    return JSON.parse(decodeURIComponent(token.slice(3))) as AccessTokenClaims;
  }

  private expiry() {
    return new Date(this.clock.now().getTime() + 900_000);
  }
}

/** The "current code" of a secret is `secret-step` hashed to six digits; `codeFor` gives it to tests. */
export class FakeTotp implements Totp {
  constructor(private readonly clock: Clock) {}

  generateSecret() {
    return randomText(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
  }

  keyUri(accountName: string, secret: string) {
    return `otpauth://totp/Peykarband:${encodeURIComponent(accountName)}?secret=${secret}&issuer=Peykarband`;
  }

  async matchStep(secret: string, code: string) {
    const step = this.step();
    return this.codeFor(secret, step) === code ? step : null;
  }

  codeFor(secret: string, step = this.step()) {
    const n = fnv1a(`${secret}-${step}`) % 1_000_000;
    return String(n).padStart(6, "0");
  }

  private step() {
    return Math.floor(this.clock.now().getTime() / 30_000);
  }
}

export const transparentSecretBox: SecretBox = {
  seal: (plaintext) => `sealed:${plaintext}`,
  open: (sealed) => sealed.slice("sealed:".length),
};

export class ManualClock implements Clock {
  constructor(private current = new Date("2026-11-25T10:00:00Z")) {}

  now() {
    return new Date(this.current);
  }

  advance(seconds: number) {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

export const sequentialIds = (): IdGenerator => {
  let n = 0;
  return { newId: () => `00000000-0000-7000-8000-${String(++n).padStart(12, "0")}` };
};

export const fakeRandom: RandomSource = {
  token: (bytes) => randomText(Math.ceil((bytes * 4) / 3), "abcdefghijklmnopqrstuvwxyz0123456789-_"),
  code: (length) => randomText(length, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"),
};

/** Distinct per token, the same for the same token: what the use cases rely on. */
export const fakeRefreshSuccessor: RefreshSuccessor = {
  successorOf: (token) => `next-${fnv1a(token).toString(36)}-${fnv1a(`${token}!`).toString(36)}`,
};

export const fakeDigest: Digest = {
  sha256: (value) => `digest:${fnv1a(value).toString(16)}:${value.length}`,
};
