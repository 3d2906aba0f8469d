import type { AttemptThrottle, ThrottleDecision } from "@peykarband/application";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { attemptThrottle } from "../database/schema.ts";

/**
 * Fixed windows kept in the database, so every gateway process shares the count. The database
 * clock decides when a window ends, so processes with drifting clocks still agree.
 */
export class DrizzleAttemptThrottle implements AttemptThrottle {
  constructor(private readonly db: Db) {}

  async consume(key: string, limit: number, windowSeconds: number): Promise<ThrottleDecision> {
    const window = sql`make_interval(secs => ${windowSeconds}::int)`;
    const expired = sql`${attemptThrottle.windowStartedAt} <= now() - ${window}`;
    // One upsert: the row lock serializes concurrent attempts, so each sees its own count.
    const [row] = await this.db
      .insert(attemptThrottle)
      .values({ key, windowStartedAt: sql`now()`, count: 1 })
      .onConflictDoUpdate({
        target: attemptThrottle.key,
        set: {
          windowStartedAt: sql`case when ${expired} then now() else ${attemptThrottle.windowStartedAt} end`,
          count: sql`case when ${expired} then 1 else ${attemptThrottle.count} + 1 end`,
        },
      })
      .returning({
        count: attemptThrottle.count,
        retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${attemptThrottle.windowStartedAt} + ${window} - now())))::int`,
      });
    if (!row) throw new Error("attempt throttle upsert returned no row");
    const allowed = row.count <= limit;
    return {
      allowed,
      retryAfterSeconds: allowed ? 0 : row.retryAfterSeconds,
      firstRefusal: row.count === limit + 1,
    };
  }

  async reset(key: string): Promise<void> {
    await this.db.delete(attemptThrottle).where(eq(attemptThrottle.key, key));
  }
}
