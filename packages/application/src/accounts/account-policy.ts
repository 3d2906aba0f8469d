/** Tunables of the account flows; the gateway builds them from validated configuration. */
export interface AccountPolicy {
  /** Lifetime of an access token; at most 15 minutes. */
  readonly accessTokenTtlSeconds: number;
  /** Lifetime of one refresh token before it must be used. */
  readonly refreshTokenTtlSeconds: number;
  /** Absolute lifetime of a session (a refresh-token family). */
  readonly sessionMaxAgeSeconds: number;
  /** Failed sign-in and 2FA attempts allowed per account, and per IP, in one window. */
  readonly maxAttemptsPerAccount: number;
  readonly maxAttemptsPerIp: number;
  readonly attemptWindowSeconds: number;
}

export const defaultAccountPolicy: AccountPolicy = {
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  sessionMaxAgeSeconds: 90 * 24 * 3600,
  maxAttemptsPerAccount: 5,
  maxAttemptsPerIp: 50,
  attemptWindowSeconds: 15 * 60,
};
