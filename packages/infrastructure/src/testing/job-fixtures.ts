import PgBoss from "pg-boss";
import type { Database } from "../database/database.ts";
import { JOB_QUEUE_SCHEMA } from "../jobs/pg-boss.job-queue.ts";
import { pgBossSqlAdapter } from "../jobs/pg-boss.sql-adapter.ts";

/**
 * What a worker does before it is killed holding a job: claims the next job of `queue` with
 * pg-boss's own fetch (the job is active from then on), and never completes, fails or renews it.
 */
export async function claimJobAndDie<T extends object>(
  database: Database,
  queue: string,
): Promise<{ id: string; data: T; retryCount: number } | null> {
  const doomed = new PgBoss({
    db: pgBossSqlAdapter(database),
    schema: JOB_QUEUE_SCHEMA,
    supervise: false,
    schedule: false,
  });
  await doomed.start();
  try {
    const [job] = await doomed.fetch<T>(queue, { includeMetadata: true });
    return job ? { id: job.id, data: job.data, retryCount: job.retryCount } : null;
  } finally {
    await doomed.stop({ graceful: false, wait: true });
  }
}

/** A job's state and how many runs it had before the current one. */
export async function jobState(
  database: Database,
  id: string,
): Promise<{ state: string; retryCount: number } | undefined> {
  const { rows } = await pgBossSqlAdapter(database).executeSql(
    `select state::text as state, retry_count as "retryCount" from ${JOB_QUEUE_SCHEMA}.job where id = $1`,
    [id],
  );
  return rows[0] as { state: string; retryCount: number } | undefined;
}
