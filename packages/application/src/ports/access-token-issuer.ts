import type { Role } from "@peykarband/domain";

export interface AccessTokenClaims {
  readonly userId: string;
  readonly role: Role;
  readonly sessionId: string;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/** Short-lived signed access tokens (JWT) with a key id, so signing keys can rotate. */
export interface AccessTokenIssuer {
  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
  /** Null for anything not valid now: bad signature, unknown key, wrong algorithm, expired, malformed. */
  verify(token: string): Promise<AccessTokenClaims | null>;
}
