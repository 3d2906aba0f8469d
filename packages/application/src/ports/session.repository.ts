import type { AuditEvent, User } from "@peykarband/domain";

/** A session is a family of refresh tokens, each used once and replaced by the next. */
export interface SessionFamily {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  /** Absolute end of the session, however often it is refreshed. */
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  /** When the session last proved a second factor (a TOTP or recovery code); null if never. */
  readonly secondFactorAt: Date | null;
}

export interface RefreshTokenRecord {
  readonly tokenHash: string;
  readonly familyId: string;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/** A new session: its family, the family's first refresh token, and the audit event that opened it. */
export interface SessionOpening {
  readonly family: { id: string; userId: string; createdAt: Date; expiresAt: Date };
  /** Stored by hash only; the token itself goes to the client. */
  readonly firstToken: { tokenHash: string; issuedAt: Date; expiresAt: Date };
  /** What opened the session (sign-up, sign-in): recorded with it, so neither exists without the other. */
  readonly event: AuditEvent;
}

export interface SessionRepository {
  /** Writes the family, its first refresh token and the audit event at once (one atomic write). */
  openFamily(opening: SessionOpening): Promise<void>;
  findFamily(id: string): Promise<SessionFamily | null>;
  /**
   * The session with its user (null if the user is gone), in one read: what authenticating a
   * request needs. Unlike the other reads, an adapter may answer it from a short per-process cache
   * (seconds); every write through this adapter's repositories evicts that cache at once.
   */
  findFamilyWithUser(id: string): Promise<{ family: SessionFamily; user: User | null } | null>;
  /** Adds a token to its family; adding one that is already there changes nothing. */
  addRefreshToken(token: {
    tokenHash: string;
    familyId: string;
    userId: string;
    issuedAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /**
   * Marks the token used if it is unused, atomically, and returns it; returns null when the token
   * is unknown or was already used (two concurrent refreshes: exactly one wins).
   */
  useRefreshToken(tokenHash: string, at: Date): Promise<RefreshTokenRecord | null>;
  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /** Records that the session proved a second factor at `at`; false when it is gone or revoked. */
  markSecondFactor(familyId: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  revokeAllForUser(userId: string, at: Date): Promise<void>;
}
