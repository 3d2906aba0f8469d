import type { AttemptThrottle, Clock, ThrottleDecision } from "@peykarband/application";

const MAX_KEYS = 100_000;

/**
 * Attempt counters in this process's memory, for the embedded mode, where one process owns the
 * database and so sees every attempt. It spares each sign-in three database writes. Counting and
 * checking happen in one synchronous step, so concurrent attempts cannot slip past the limit.
 * Counters restart empty with the process.
 */
export class InProcessAttemptThrottle implements AttemptThrottle {
  private readonly windows = new Map<string, { endsAt: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  async consume(key: string, limit: number, windowSeconds: number): Promise<ThrottleDecision> {
    const now = this.clock.now().getTime();
    const current = this.windows.get(key);
    const window =
      current && current.endsAt > now
        ? { endsAt: current.endsAt, count: current.count + 1 }
        : { endsAt: now + windowSeconds * 1000, count: 1 };
    if (!current && this.windows.size >= MAX_KEYS) this.dropEnded(now);
    this.windows.set(key, window);
    const allowed = window.count <= limit;
    return {
      allowed,
      attempts: window.count,
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
      firstRefusal: window.count === limit + 1,
    };
  }

  async refund(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window) window.count = Math.max(0, window.count - 1);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  /** Keeps memory bounded under a spray of distinct keys (many addresses or emails). */
  private dropEnded(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
