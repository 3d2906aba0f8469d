/**
 * DigitalOcean's hourly budget per token: each request counts for one hour after it is made, and
 * every answer carries `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset` (the Unix time,
 * in seconds, at which the oldest counted request expires).
 */
export class DigitalOceanRateLimit {
  readonly #requests: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request and returns the headers of its answer. */
  count(): Record<string, string> {
    this.#requests.push(this.now());
    return this.headers();
  }

  headers(): Record<string, string> {
    const now = this.now();
    const hourAgo = now - 3_600_000;
    while (this.#requests.length > 0 && this.#requests[0]! <= hourAgo) this.#requests.shift();
    const oldest = this.#requests[0] ?? now;
    return {
      "ratelimit-limit": String(this.limit),
      "ratelimit-remaining": String(Math.max(0, this.limit - this.#requests.length)),
      "ratelimit-reset": String(Math.ceil((oldest + 3_600_000) / 1000)),
    };
  }
}
