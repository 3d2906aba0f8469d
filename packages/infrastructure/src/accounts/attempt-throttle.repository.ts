import type { AttemptThrottle, ThrottleDecision } from "@peykarband/application";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { attemptThrottle } from "../database/schema.ts";

/**
 * Fixed windows kept in the database, so every gateway process shares the count. The database
 * clock decides when a window ends, so processes with drifting clocks still agree.
 */
export class DrizzleAttemptThrottle implements AttemptThrottle {
  /** Built once: drizzle took about 0.2 ms to build this upsert, which sign-in runs twice. */
  private readonly upsert: ReturnType<typeof prepareUpsert>;
  private readonly giveBack: ReturnType<typeof prepareRefund>;
  private readonly remove: ReturnType<typeof prepareRemove>;

  constructor(db: Db) {
    this.upsert = prepareUpsert(db);
    this.giveBack = prepareRefund(db);
    this.remove = prepareRemove(db);
  }

  async consume(key: string, limit: number, windowSeconds: number): Promise<ThrottleDecision> {
    const [row] = await this.upsert.execute({ key, windowSeconds });
    if (!row) throw new Error("attempt throttle upsert returned no row");
    const allowed = row.count <= limit;
    return {
      allowed,
      attempts: row.count,
      retryAfterSeconds: allowed ? 0 : row.retryAfterSeconds,
      firstRefusal: row.count === limit + 1,
    };
  }

  async refund(key: string): Promise<void> {
    await this.giveBack.execute({ key });
  }

  async reset(key: string): Promise<void> {
    await this.remove.execute({ key });
  }
}

/**
 * One attempt on `key`: a new window when there is none or the last has ended, else one more. One
 * upsert: the row lock serializes concurrent attempts, so each sees its own count.
 */
function prepareUpsert(db: Db) {
  const window = sql`make_interval(secs => ${sql.placeholder("windowSeconds")}::int)`;
  const expired = sql`${attemptThrottle.windowStartedAt} <= now() - ${window}`;
  return db
    .insert(attemptThrottle)
    .values({ key: sql.placeholder("key"), windowStartedAt: sql`now()`, count: 1 })
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
    })
    .prepare("consume_attempt");
}

function prepareRefund(db: Db) {
  return db
    .update(attemptThrottle)
    .set({ count: sql`greatest(${attemptThrottle.count} - 1, 0)` })
    .where(eq(attemptThrottle.key, sql.placeholder("key")))
    .prepare("refund_attempt");
}

function prepareRemove(db: Db) {
  return db
    .delete(attemptThrottle)
    .where(eq(attemptThrottle.key, sql.placeholder("key")))
    .prepare("reset_attempts");
}
