/**
 * Hetzner's rate-limit headers: `RateLimit-Limit` requests an hour, `RateLimit-Remaining` growing back
 * by one every 3600/limit seconds, `RateLimit-Reset` the Unix time (seconds) of full recovery.
 */
export class RateLimitBudget {
  #remaining: number;
  #at: number;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#remaining = limit;
    this.#at = now();
  }

  /** Headers of an answered call, which used one request up. */
  spend(): Record<string, string> {
    this.#refill();
    this.#remaining = Math.max(0, this.#remaining - 1);
    return this.#headers();
  }

  /** Headers of a 429: nothing left. */
  exhausted(): Record<string, string> {
    this.#refill();
    this.#remaining = 0;
    return this.#headers();
  }

  #refill(): void {
    const now = this.now();
    const regained = Math.floor(((now - this.#at) * this.limit) / 3_600_000);
    if (regained > 0) {
      this.#remaining = Math.min(this.limit, this.#remaining + regained);
      this.#at = now;
    }
    if (this.#remaining === this.limit) this.#at = now;
  }

  #headers(): Record<string, string> {
    const secondsToFull = Math.ceil(((this.limit - this.#remaining) * 3600) / this.limit);
    return {
      "ratelimit-limit": String(this.limit),
      "ratelimit-remaining": String(this.#remaining),
      "ratelimit-reset": String(Math.ceil(this.now() / 1000) + secondsToFull),
    };
  }
}
