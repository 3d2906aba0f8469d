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
