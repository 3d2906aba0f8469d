import type { AccessTokenClaims, AccessTokenIssuer, Clock, IssuedAccessToken } from "@peykarband/application";
import { isRole } from "@peykarband/domain";
import { jwtVerify, SignJWT, type JWTHeaderParameters } from "jose";
import type { SigningKey } from "../config/secret-keys.ts";

const ALGORITHM = "HS256";
const MAX_TTL_SECONDS = 900;

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
  private readonly signingKey: SigningKey;
  private readonly keysById: ReadonlyMap<string, Uint8Array>;

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
    this.signingKey = first;
    this.keysById = new Map(options.keys.map((key) => [key.kid, key.secret]));
  }

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(this.options.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.options.ttlSeconds;
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.signingKey.kid, typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.signingKey.secret);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        algorithms: [ALGORITHM],
        issuer: this.options.issuer,
        audience: this.options.audience,
        currentDate: this.options.clock.now(),
        maxTokenAge: this.options.ttlSeconds,
        requiredClaims: ["sub", "iat", "exp"],
      });
      const { sub, role, sid } = payload;
      if (typeof sub !== "string" || typeof sid !== "string" || typeof role !== "string" || !isRole(role)) {
        return null;
      }
      return { userId: sub, role, sessionId: sid };
    } catch {
      // Every failure (signature, key, algorithm, time, shape) means the same thing to the caller.
      return null;
    }
  }

  private keyFor(header: JWTHeaderParameters): Uint8Array {
    const key = header.kid === undefined ? undefined : this.keysById.get(header.kid);
    if (!key) throw new Error("unknown key id");
    return key;
  }
}
