import type { User } from "@peykarband/domain";

/** A session is a family of refresh tokens, each used once and replaced by the next. */
export interface SessionFamily {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  /** Absolute end of the session, however often it is refreshed. */
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export interface RefreshTokenRecord {
  readonly tokenHash: string;
  readonly familyId: string;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export interface SessionRepository {
  createFamily(family: { id: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  findFamily(id: string): Promise<SessionFamily | null>;
  /**
   * The session with its user (null if the user is gone), in one read: what authenticating a
   * request needs. Unlike the other reads, an adapter may answer it from a short per-process cache
   * (seconds); every write through this adapter's repositories evicts that cache at once.
   */
  findFamilyWithUser(id: string): Promise<{ family: SessionFamily; user: User | null } | null>;
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
  revokeFamily(familyId: string, at: Date): Promise<void>;
  revokeAllForUser(userId: string, at: Date): Promise<void>;
}
