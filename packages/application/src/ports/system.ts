export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new UUID (v7, time-ordered, so keyset pages follow creation order). */
  newId(): string;
}

export interface RandomSource {
  /** `bytes` random bytes as base64url text. */
  token(bytes: number): string;
  /** A human-typable code from an unambiguous alphabet. */
  code(length: number): string;
}

export interface Digest {
  /** SHA-256 as hex: for high-entropy secrets (refresh tokens, recovery codes), never for passwords. */
  sha256(value: string): string;
}
