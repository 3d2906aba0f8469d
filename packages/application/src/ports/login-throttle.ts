export interface ThrottleDecision {
  readonly allowed: boolean;
  /** Attempts counted on the key in this window, this one included. */
  readonly attempts: number;
  /** Seconds until the key may try again, when not allowed. */
  readonly retryAfterSeconds: number;
  /** This attempt is the first one refused in the window (worth recording; the rest are not). */
  readonly firstRefusal: boolean;
}

/**
 * Counts attempts per key (an account, an IP) in a fixed window shared by every process.
 * `consume` counts the attempt before it is checked, atomically, so concurrent requests,
 * aliases and batches cannot slip past the limit.
 */
export interface AttemptThrottle {
  consume(key: string, limit: number, windowSeconds: number): Promise<ThrottleDecision>;
  /**
   * Gives back one attempt of the key's current window: an attempt that succeeded is not held
   * against the key, so only failures add up. Never below zero.
   */
  refund(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}
