import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import { startJobPool, type JobPool } from "./job-pool.ts";
import type { Database } from "../database/database.ts";
import { jobLeases } from "./job-lease.ts";
import { pgBossSqlAdapter } from "./pg-boss.sql-adapter.ts";
import { tracedHandler, withTraceContext } from "./traced-job.ts";

const DEADLOCK_DETECTED = "40P01";
const isDeadlock = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === DEADLOCK_DETECTED;

/** pg-boss keeps its tables here, apart from the application's. */
export const JOB_QUEUE_SCHEMA = "pgboss";

/**
 * `stately`: at most one job waiting and one running in the whole installation, whatever the number
 * of workers; what a periodic sweep wants. `standard`: no limit.
 */
type QueuePolicy = "standard" | "stately";

export interface QueueOptions {
  readonly policy: QueuePolicy;
  /**
   * A job still running this long after its start (for a leased run, its last renewal) is failed by
   * pg-boss's maintenance and retried after the retry delay (if retries are left).
   */
  readonly expireInSeconds: number;
  readonly retryLimit: number;
  /** The pause before the first retry (default 0: at once). */
  readonly retryDelaySeconds?: number;
  /** Doubles the pause for each further retry, with jitter. */
  readonly retryBackoff?: boolean;
}

export interface Job<T> {
  readonly id: string;
  readonly name: string;
  readonly data: T;
  /** Attempts before this one (0 on the first). */
  readonly retryCount: number;
  /** Retries the queue allows; `retryCount === retryLimit` is the last attempt. */
  readonly retryLimit: number;
  /**
   * False once this run's lease lapsed (the worker stalled past it) and another worker may be running
   * the job: stop before doing anything that must happen once. Always true outside `workConcurrently`.
   */
  holdsLease(): boolean;
}

interface WorkOptions {
  /** Jobs fetched per poll; each still runs, completes or fails on its own. */
  readonly batchSize?: number;
  /** How long an idle worker waits before looking again; at least 0.5. */
  readonly pollingIntervalSeconds?: number;
}

export interface JobQueue {
  /** Creates the queue, or brings an existing one to these options. Needed before the other calls. */
  createQueue(name: string, options: QueueOptions): Promise<void>;
  /** One schedule per queue name (UTC); scheduling again replaces it. */
  schedule(name: string, cron: string, data?: object): Promise<void>;
  /** A job whose handler throws is failed and retried as its queue says; one that returns is completed. */
  work<T>(name: string, handler: (job: Job<T>) => Promise<void>, options?: WorkOptions): Promise<void>;
  /**
   * Like `work`, but up to `concurrency` jobs at once, each fetched as a slot frees up: for jobs
   * that mostly wait (on a cloud provider), where a whole batch must not wait for its slowest.
   * Each run is leased (job-lease.ts): renewed while it runs, however long; a run whose worker died
   * is handed to another worker within `leaseSeconds` and a third of it, whatever the queue's expiry
   * and retry backoff.
   */
  workConcurrently<T>(
    name: string,
    handler: (job: Job<T>) => Promise<void>,
    options: { concurrency: number; leaseSeconds: number; pollingIntervalSeconds?: number },
  ): void;
  /** Null when the queue's policy or the singleton key refused the job (one is already waiting). */
  send(name: string, data: object, options?: { singletonKey?: string }): Promise<string | null>;
  /**
   * Sends on the caller's connection (e.g. inside its database transaction), so the job commits or
   * rolls back with the rows it is about. Null as for `send`, and when the queue does not exist.
   */
  sendWith(
    executor: PgBoss.Db,
    name: string,
    data: object,
    options?: { startAfterSeconds?: number },
  ): Promise<string | null>;
  /** Throws when the queue's tables do not answer or the queue is stopping. */
  ping(): Promise<void>;
  /** Jobs not finished yet, per queue and state (`created`, `retry`, `active`); finished ones are left out. */
  countUnfinished(): Promise<readonly UnfinishedJobs[]>;
  /**
   * Stops fetching, waits up to `timeoutMs` for running handlers, then hands the jobs still running
   * back to the queue (failed, so retried). Leaves the database open: its owner closes it.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface UnfinishedJobs {
  readonly queue: string;
  readonly state: "created" | "retry" | "active";
  readonly count: number;
}

export interface JobQueueOptions {
  /** Errors of pg-boss's background loops (a failed poll, maintenance); the queue carries on. */
  readonly onError: (error: Error) => void;
  /** How often schedules are checked and due jobs released (1–45 s); tests shorten it. */
  readonly cronIntervalSeconds?: number;
  /**
   * "producer" only sends (the gateway role): no maintenance, no schedules. "worker" (default) also
   * runs them.
   */
  readonly role?: "producer" | "worker";
  /**
   * How often pg-boss's maintenance expires jobs (default 120 s): how jobs of dead workers come back
   * on `work` queues. Leased queues (`workConcurrently`) do not wait for it.
   */
  readonly maintenanceIntervalSeconds?: number;
}

/**
 * A durable job queue on the application's own database, PostgreSQL or PGlite: pg-boss through the
 * database's client rather than a pool of its own, so the embedded mode needs no server and a job
 * can later be enqueued on the same connection as the rows it is about.
 */
export async function openJobQueue(database: Database, options: JobQueueOptions): Promise<JobQueue> {
  const db = pgBossSqlAdapter(database);
  const leases = jobLeases(db, JOB_QUEUE_SCHEMA);
  const boss = new PgBoss({
    db,
    schema: JOB_QUEUE_SCHEMA,
    cronMonitorIntervalSeconds: options.cronIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: options.cronIntervalSeconds ?? 5,
    ...(options.role === "producer" ? { supervise: false, schedule: false } : {}),
    ...(options.maintenanceIntervalSeconds === undefined
      ? {}
      : { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }),
  });
  boss.on("error", options.onError);
  await boss.start();
  let stopping = false;
  const pools: JobPool[] = [];

  return {
    async createQueue(name, queue) {
      const settings = {
        name,
        policy: queue.policy,
        expireInSeconds: queue.expireInSeconds,
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds ?? 0,
        retryBackoff: queue.retryBackoff ?? false,
      };
      // Workers starting together on a fresh database race in pg-boss's create_queue (it attaches
      // a partition to pgboss.job unlocked): one gets "deadlock detected". The queue exists once
      // any of them wins, so trying again is all it takes.
      for (let attempt = 1; ; attempt++) {
        try {
          await boss.createQueue(name, settings);
          break;
        } catch (error) {
          if (!isDeadlock(error) || attempt >= 5) throw error;
          await sleep(50 * attempt + Math.random() * 100);
        }
      }
      await boss.updateQueue(name, settings);
    },

    async schedule(name, cron, data = {}) {
      await boss.schedule(name, cron, data, { tz: "UTC" });
    },

    async work<T>(name: string, handler: (job: Job<T>) => Promise<void>, work: WorkOptions = {}) {
      const traced = tracedHandler(name, handler);
      await boss.work<T>(
        name,
        {
          batchSize: work.batchSize ?? 1,
          pollingIntervalSeconds: work.pollingIntervalSeconds ?? 2,
          includeMetadata: true,
        },
        async (jobs: PgBoss.JobWithMetadata<T>[]) => {
          // Failed one by one, so a failure does not send its batch mates round again; pg-boss then
          // completes the rest (completing only touches jobs still active).
          for (const job of jobs) {
            try {
              // A fetch already under way when stop() was called may still deliver jobs.
              if (stopping) throw new Error("the worker is stopping");
              await traced({
                id: job.id,
                name: job.name,
                data: job.data,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
                holdsLease: () => true,
              });
            } catch (error) {
              await boss.fail(name, job.id, error instanceof Error ? error : { message: String(error) });
            }
          }
        },
      );
    },

    workConcurrently(name, handler, work) {
      pools.push(
        startJobPool(boss, name, tracedHandler(name, handler), {
          concurrency: work.concurrency,
          pollingIntervalSeconds: work.pollingIntervalSeconds ?? 2,
          leaseSeconds: work.leaseSeconds,
          leases,
          onError: options.onError,
        }),
      );
    },

    send(name, data, sendOptions = {}) {
      return boss.send(name, withTraceContext(data), sendOptions);
    },

    sendWith(executor, name, data, sendOptions = {}) {
      const { startAfterSeconds } = sendOptions;
      // A time, not pg-boss's seconds form: that one is cast to a timestamp inside its SQL and
      // refused. This process's clock, as the database's `now()` it is compared with.
      const startAfter = startAfterSeconds ? new Date(Date.now() + startAfterSeconds * 1000) : undefined;
      return boss.send(name, withTraceContext(data), { db: executor, ...(startAfter ? { startAfter } : {}) });
    },

    async ping() {
      if (stopping) throw new Error("the job queue is stopping");
      await boss.schemaVersion();
    },

    async countUnfinished() {
      // pg-boss's job_state enum is ordered: created, retry, active, then the finished states.
      const { rows } = await db.executeSql(
        `SELECT name, state::text AS state, count(*)::int AS count FROM ${JOB_QUEUE_SCHEMA}.job
         WHERE state < $1::${JOB_QUEUE_SCHEMA}.job_state GROUP BY name, state`,
        ["completed"],
      );
      return rows.map((row: { name: string; state: UnfinishedJobs["state"]; count: number }) => ({
        queue: row.name,
        state: row.state,
        count: Number(row.count),
      }));
    },

    async stop(stopOptions = {}) {
      stopping = true;
      const timeoutMs = stopOptions.timeoutMs ?? 25_000;
      // The pools first: their jobs still complete or fail through pg-boss.
      await Promise.all(pools.map((pool) => pool.stop(timeoutMs)));
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      boss.off("error", options.onError);
    },
  };
}
