import { afterAll, beforeAll, expect, vi } from "vitest";
import type { Database } from "../src/database/database.ts";
import { openJobQueue, type JobQueue } from "../src/jobs/pg-boss.job-queue.ts";
import type { TestDatabase } from "../src/testing/test-database.ts";
import { pgSchema, text, uuid } from "drizzle-orm/pg-core";

export const FAST = { pollingIntervalSeconds: 0.5 };
export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
/** A promise the test settles when it chooses. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
/** pg-boss's own table: a job it marked completed is never fetched again, so its runs are final. */
export const pgBossJobs = pgSchema("pgboss").table("job", {
  id: uuid("id").notNull(),
  state: text("state").notNull(),
});

export interface JobQueueRig {
  database: Database;
  queue: JobQueue;
  /** What the queue reported through onError. */
  readonly errors: Error[];
}

/**
 * A describe block's database and job queue (cron every second), opened before its tests; after
 * them both are closed and every timer they started must be gone.
 */
export function useJobQueue(target: TestDatabase): JobQueueRig {
  const rig = { errors: [] as Error[] } as JobQueueRig;
  let timersBefore: number;
  beforeAll(async () => {
    timersBefore = timers();
    rig.database = await target.open();
    rig.queue = await openJobQueue(rig.database, {
      onError: (error) => rig.errors.push(error),
      cronIntervalSeconds: 1,
    });
  });
  // Here rather than in a test: the database driver's idle timers go only when it is closed.
  afterAll(async () => {
    await rig.queue?.stop({ timeoutMs: 1000 });
    await rig.database?.close();
    await vi.waitFor(() => expect(timers()).toBeLessThanOrEqual(timersBefore));
  });
  return rig;
}
