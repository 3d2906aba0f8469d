import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { JobLeases, JobRun } from "./job-lease.ts";
import type { Job } from "./pg-boss.job-queue.ts";

export interface JobPoolOptions {
  /** Jobs of this queue handled at once in this process. */
  readonly concurrency: number;
  /** How long the pool waits before looking again when the queue was empty. */
  readonly pollingIntervalSeconds: number;
  /**
   * A run not renewed for this long is handed to another worker; this pool renews its own every
   * third of it and reclaims lapsed runs of its queue as often. Every worker of a queue must agree.
   */
  readonly leaseSeconds: number;
  readonly leases: JobLeases;
  readonly onError: (error: Error) => void;
}

export interface JobPool {
  /** Stops fetching, waits up to `timeoutMs` for running jobs, then fails the rest (so they are retried). */
  stop(timeoutMs: number): Promise<void>;
}

interface Running {
  readonly run: JobRun;
  done: Promise<void>;
  /** Set when a renewal found the run no longer ours: another worker may be running it. */
  lost: boolean;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Runs up to `concurrency` jobs of one queue at once, fetching as slots free up. pg-boss's own
 * `work` handles a fetched batch as a whole and fetches again only when all of it is done, so one
 * slow job (a server being provisioned for a minute) would hold back every job behind it.
 *
 * Each run holds a lease (job-lease.ts) that this pool renews while the run lasts, however long:
 * a live worker keeps its jobs, a killed one loses them within a lease and a tick.
 */
export function startJobPool<T>(
  boss: PgBoss,
  name: string,
  handler: (job: Job<T>) => Promise<void>,
  options: JobPoolOptions,
): JobPool {
  const running = new Map<string, Running>();
  let stopping = false;
  let wake: (() => void) | null = null;
  const nap = new AbortController();
  const { leases } = options;

  const finish = async (entry: Running, outcome: { error: unknown } | null) => {
    if (entry.lost) {
      options.onError(new Error(`${name} job ${entry.run.id} outlived its lease; another worker has it`));
      return;
    }
    if (outcome === null) {
      if (!(await leases.complete(name, entry.run)))
        options.onError(new Error(`${name} job ${entry.run.id} was taken over before it completed`));
      return;
    }
    // Renewed just now, the run stays ours for a whole lease: long enough to fail it safely.
    if (!(await leases.renew(name, [entry.run])).has(entry.run.id)) {
      options.onError(new Error(`${name} job ${entry.run.id} was taken over before it failed`));
      return;
    }
    const { error } = outcome;
    await boss.fail(
      name,
      entry.run.id,
      error instanceof Error ? { message: error.message } : { message: String(error) },
    );
  };

  const run = (job: PgBoss.JobWithMetadata<T>) => {
    const entry: Running = {
      run: { id: job.id, retryCount: job.retryCount },
      done: Promise.resolve(),
      lost: false,
    };
    const done = handler({
      id: job.id,
      name: job.name,
      data: job.data,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      holdsLease: () => !entry.lost,
    })
      .then(
        () => finish(entry, null),
        (error: unknown) => finish(entry, { error }),
      )
      .catch((error: unknown) => options.onError(asError(error)))
      .finally(() => {
        running.delete(job.id);
        wake?.();
      });
    entry.done = done;
    running.set(job.id, entry);
  };

  let ticking: Promise<void> | null = null;
  const tick = async () => {
    try {
      const mine = [...running.values()];
      const held = await leases.renew(
        name,
        mine.map((entry) => entry.run),
      );
      for (const entry of mine) if (!held.has(entry.run.id) && running.has(entry.run.id)) entry.lost = true;
      await leases.reclaimLapsed(name, options.leaseSeconds);
    } catch (error) {
      options.onError(asError(error));
    } finally {
      ticking = null;
    }
  };
  const ticker = setInterval(
    () => {
      ticking ??= tick();
    },
    (options.leaseSeconds * 1000) / 3,
  );

  const loop = async () => {
    while (!stopping) {
      const free = options.concurrency - running.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      let jobs: PgBoss.JobWithMetadata<T>[] = [];
      try {
        jobs = await boss.fetch<T>(name, { batchSize: free, includeMetadata: true });
      } catch (error) {
        if (!stopping) options.onError(asError(error));
      }
      if (stopping) {
        // Fetched as the pool was stopping: hand them straight back.
        if (jobs.length)
          await boss
            .fail(
              name,
              jobs.map((j) => j.id),
            )
            .catch(() => undefined);
        break;
      }
      for (const job of jobs) run(job);
      if (jobs.length < free) {
        await sleep(options.pollingIntervalSeconds * 1000, undefined, { signal: nap.signal }).catch(
          () => undefined,
        );
      }
    }
  };
  const looping = loop();

  return {
    async stop(timeoutMs) {
      stopping = true;
      nap.abort();
      wake?.();
      await looping;
      const deadline = new AbortController();
      // Leases are still renewed while running jobs get their chance to finish.
      const timedOut = await Promise.race([
        Promise.all([...running.values()].map((entry) => entry.done)).then(() => false),
        sleep(timeoutMs, true, { signal: deadline.signal }).catch(() => false),
      ]);
      deadline.abort();
      clearInterval(ticker);
      await ticking;
      if (timedOut && running.size > 0) {
        await boss.fail(name, [...running.keys()]).catch(() => undefined);
      }
    },
  };
}
