import type PgBoss from "pg-boss";

/** One run of a job: pg-boss counts a job's runs in `retry_count`, so id and count name this one. */
export interface JobRun {
  readonly id: string;
  readonly retryCount: number;
}

/**
 * Leases on running jobs, kept in pg-boss's own job row: `started_on` is the heartbeat. pg-boss 10
 * expires an active job only `expire_in` after its start and then retries it after its retry
 * backoff, so a job of a killed worker waits for minutes. Instead, a live worker renews its runs'
 * `started_on` every third of the lease, and any worker hands a run whose lease lapsed straight
 * back to the queue (no backoff). A renewal or completion names the run (id and retry count), so a
 * worker that stalled past its lease cannot renew or complete the run another worker took over.
 *
 * Written against the job table of pg-boss 10 (`packages/infrastructure/package.json` pins it);
 * pg-boss.job-queue.test.ts checks these statements against it on both databases.
 */
export interface JobLeases {
  /** Renews the leases of these runs of `queue`; returns the ids of those it renewed (still theirs). */
  renew(queue: string, runs: readonly JobRun[]): Promise<Set<string>>;
  /**
   * Hands every run of `queue` not renewed for `leaseSeconds` back to the queue, to start at once.
   * Even a last attempt: its worker died, the job did not fail, and a job failed for good here would
   * leave its server PROVISIONING with nobody to finish or refund it. The run after the last one
   * still counts as a last attempt (retryCount ≥ retryLimit). Returns how many.
   */
  reclaimLapsed(queue: string, leaseSeconds: number): Promise<number>;
  /** Completes the run if it is still this worker's; false when another worker took it over. */
  complete(queue: string, run: JobRun): Promise<boolean>;
}

const LAPSED = JSON.stringify({ message: "its worker stopped renewing the lease (killed or stalled)" });

export function jobLeases(db: PgBoss.Db, schema: string): JobLeases {
  const renewSql = `
    UPDATE ${schema}.job AS job SET started_on = now()
    FROM jsonb_to_recordset($2::jsonb) AS run(id uuid, "retryCount" integer)
    WHERE job.name = $1 AND job.id = run.id AND job.retry_count = run."retryCount"
      AND job.state = 'active'
    RETURNING job.id`;
  const reclaimSql = `
    UPDATE ${schema}.job SET state = 'retry', start_after = now(), output = $3::jsonb
    WHERE name = $1 AND state = 'active' AND started_on < now() - $2::double precision * interval '1 second'
    RETURNING id`;
  const completeSql = `
    UPDATE ${schema}.job SET state = 'completed', completed_on = now()
    WHERE name = $1 AND id = $2 AND retry_count = $3 AND state = 'active'
    RETURNING id`;

  return {
    async renew(queue, runs) {
      if (runs.length === 0) return new Set();
      const runsJson = JSON.stringify(runs.map(({ id, retryCount }) => ({ id, retryCount })));
      const { rows } = await db.executeSql(renewSql, [queue, runsJson]);
      return new Set(rows.map((row) => String(row["id"])));
    },
    async reclaimLapsed(queue, leaseSeconds) {
      const { rows } = await db.executeSql(reclaimSql, [queue, leaseSeconds, LAPSED]);
      return rows.length;
    },
    async complete(queue, run) {
      const { rows } = await db.executeSql(completeSql, [queue, run.id, run.retryCount]);
      return rows.length === 1;
    },
  };
}
