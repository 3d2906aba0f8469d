import { count, lte, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../database/database.ts";
import { attemptThrottle, refreshTokens, sessionFamilies } from "../database/schema.ts";

export interface AccountCleanupReport {
  readonly throttleWindows: number;
  readonly refreshTokens: number;
  readonly sessionFamilies: number;
}

/**
 * Deletes account rows nothing can use any more, so the tables stay the size of the live data.
 * The database clock decides, as it does for the throttle windows themselves.
 */
export class DrizzleAccountCleanup {
  constructor(private readonly db: Db) {}

  /** `attemptWindowSeconds`: the window the throttle counts in (the account policy's). */
  async deleteExpired(options: { attemptWindowSeconds: number }): Promise<AccountCleanupReport> {
    const windowStart = sql`now() - make_interval(secs => ${options.attemptWindowSeconds}::int)`;
    return {
      throttleWindows: await this.deleteCounting(
        attemptThrottle,
        lte(attemptThrottle.windowStartedAt, windowStart),
      ),
      // An expired token is refused whatever its state, so keeping it would only keep the reuse
      // alarm for a token that can no longer be redeemed.
      refreshTokens: await this.deleteCounting(refreshTokens, lte(refreshTokens.expiresAt, sql`now()`)),
      // A family's remaining tokens go with it (on delete cascade).
      sessionFamilies: await this.deleteCounting(sessionFamilies, lte(sessionFamilies.expiresAt, sql`now()`)),
    };
  }

  /** Counted in the database: the first run after a long pause may delete millions of rows. */
  private async deleteCounting(table: PgTable, where: SQL): Promise<number> {
    const deleted = this.db.$with("deleted").as(
      this.db
        .delete(table)
        .where(where)
        .returning({ one: sql<number>`1` }),
    );
    const [row] = await this.db.with(deleted).select({ n: count() }).from(deleted);
    return row?.n ?? 0;
  }
}
