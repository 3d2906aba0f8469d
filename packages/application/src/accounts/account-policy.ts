/** Tunables of the account flows; the gateway builds them from validated configuration. */
export interface AccountPolicy {
  /** Lifetime of an access token; at most 15 minutes. */
  readonly accessTokenTtlSeconds: number;
  /** Lifetime of one refresh token before it must be used. */
  readonly refreshTokenTtlSeconds: number;
  /** Absolute lifetime of a session (a refresh-token family). */
  readonly sessionMaxAgeSeconds: number;
  /**
   * Failed sign-in attempts allowed on one account from one address in a window; also the limit
   * on 2FA codes and re-authentication per account.
   */
  readonly maxAttemptsPerAccount: number;
  /** Failed sign-in attempts allowed from one address across all accounts in a window. */
  readonly maxAttemptsPerIp: number;
  /**
   * Failed sign-in attempts on one account from all addresses together after which the account is
   * guarded for the rest of the window: each address then gets `guardedAttemptsPerAddress` instead
   * of `maxAttemptsPerAccount`. It slows a guesser with many addresses and never locks the owner out.
   */
  readonly accountGuardAfterAttempts: number;
  readonly guardedAttemptsPerAddress: number;
  readonly attemptWindowSeconds: number;
  /**
   * Seconds after a refresh token is used during which presenting it again (a second tab, a
   * retried request) returns the same successor instead of ending the session as a replay.
   */
  readonly refreshGraceSeconds: number;
  /**
   * How long a session stays stepped up after proving a second factor: money-moving and
   * role-changing mutations need one proved within this many seconds (step-up.ts).
   */
  readonly secondFactorFreshSeconds: number;
}

export const defaultAccountPolicy: AccountPolicy = {
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  sessionMaxAgeSeconds: 90 * 24 * 3600,
  maxAttemptsPerAccount: 5,
  maxAttemptsPerIp: 50,
  accountGuardAfterAttempts: 20,
  guardedAttemptsPerAddress: 1,
  attemptWindowSeconds: 15 * 60,
  refreshGraceSeconds: 20,
  secondFactorFreshSeconds: 5 * 60,
};
