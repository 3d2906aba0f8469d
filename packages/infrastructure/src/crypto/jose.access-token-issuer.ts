import type { AccessTokenClaims, AccessTokenIssuer, Clock, IssuedAccessToken } from "@peykarband/application";
import { isRole } from "@peykarband/domain";
import { jwtVerify, type JWTHeaderParameters } from "jose";
import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import type { SigningKey } from "../config/secret-keys.ts";

const ALGORITHM = "HS256";
const MAX_TTL_SECONDS = 900;
/** Bound on the verified-token cache; a token is about 300 bytes. */
const MAX_VERIFIED = 10_000;

interface Verified {
  readonly claims: AccessTokenClaims;
  /** Seconds since the epoch, as in the token. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** Clock time (ms) of the full verification; an earlier clock reading verifies in full again. */
  readonly verifiedAt: number;
}

export interface AccessTokenOptions {
  /** The first key signs; every key verifies, so a key can be rotated out without signing anyone out. */
  readonly keys: readonly SigningKey[];
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly clock: Clock;
}

/** HS256 JWTs with a `kid` header; claims `sub` (user), `role`, `sid` (session family). */
export class JoseAccessTokenIssuer implements AccessTokenIssuer {
  private readonly signingKey: KeyObject;
  /** The first part of every token this process signs: `{"alg":"HS256","kid":…,"typ":"JWT"}`. */
  private readonly encodedHeader: string;
  private readonly keysById: ReadonlyMap<string, KeyObject>;
  /**
   * Tokens whose signature and claims were verified, by token text. The signature of a given text
   * never changes validity (keys are fixed for the process), so a hit re-checks only the times.
   * Saves the HMAC and jose's parsing on every request after a session's first.
   */
  private readonly verified = new Map<string, Verified>();

  constructor(private readonly options: AccessTokenOptions) {
    const [first] = options.keys;
    if (!first) throw new Error("JoseAccessTokenIssuer needs at least one signing key");
    if (
      !Number.isInteger(options.ttlSeconds) ||
      options.ttlSeconds < 1 ||
      options.ttlSeconds > MAX_TTL_SECONDS
    ) {
      throw new Error(`access token lifetime must be 1..${MAX_TTL_SECONDS} seconds`);
    }
    // KeyObjects made once: given raw bytes, jose imports the key again on every verify.
    this.keysById = new Map(options.keys.map((key) => [key.kid, createSecretKey(key.secret)]));
    this.signingKey = createSecretKey(first.secret);
    this.encodedHeader = base64url({ alg: ALGORITHM, kid: first.kid, typ: "JWT" });
  }

  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(this.options.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.options.ttlSeconds;
    // Signed here rather than by jose's SignJWT, which goes through WebCrypto: a job on libuv's
    // thread pool, queued behind argon2 hashes during sign-in, for a 5 µs HMAC. The same bytes as
    // SignJWT would produce (a test compares them); verification stays with jose.
    const payload = base64url({
      role: claims.role,
      sid: claims.sessionId,
      sub: claims.userId,
      iss: this.options.issuer,
      aud: this.options.audience,
      iat: issuedAt,
      exp: expiresAt,
    });
    const signingInput = `${this.encodedHeader}.${payload}`;
    const signature = createHmac("sha256", this.signingKey).update(signingInput).digest("base64url");
    const token = `${signingInput}.${signature}`;
    return Promise.resolve({ token, expiresAt: new Date(expiresAt * 1000) });
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    const now = this.options.clock.now();
    const cached = this.verified.get(token);
    if (cached && cached.verifiedAt <= now.getTime()) {
      const seconds = Math.floor(now.getTime() / 1000);
      // jose's own time rules: expired at `exp`, too old past iat + maxTokenAge.
      if (seconds < cached.expiresAt && seconds - cached.issuedAt <= this.options.ttlSeconds) {
        return cached.claims;
      }
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        algorithms: [ALGORITHM],
        issuer: this.options.issuer,
        audience: this.options.audience,
        currentDate: now,
        maxTokenAge: this.options.ttlSeconds,
        requiredClaims: ["sub", "iat", "exp"],
      });
      const { sub, role, sid, iat, exp } = payload;
      if (typeof sub !== "string" || typeof sid !== "string" || typeof role !== "string" || !isRole(role)) {
        return null;
      }
      const claims = { userId: sub, role, sessionId: sid };
      if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { claims, issuedAt: iat!, expiresAt: exp!, verifiedAt: now.getTime() });
      return claims;
    } catch {
      // Every failure (signature, key, algorithm, time, shape) means the same thing to the caller.
      return null;
    }
  }

  private keyFor(header: JWTHeaderParameters): KeyObject {
    const key = header.kid === undefined ? undefined : this.keysById.get(header.kid);
    if (!key) throw new Error("unknown key id");
    return key;
  }
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
