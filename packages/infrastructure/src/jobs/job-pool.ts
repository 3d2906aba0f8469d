import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { Job } from "./pg-boss.job-queue.ts";

export interface JobPoolOptions {
  /** Jobs of this queue handled at once in this process. */
  readonly concurrency: number;
  /** How long the pool waits before looking again when the queue was empty. */
  readonly pollingIntervalSeconds: number;
  readonly onError: (error: Error) => void;
}

export interface JobPool {
  /** Stops fetching, waits up to `timeoutMs` for running jobs, then fails the rest (so they are retried). */
  stop(timeoutMs: number): Promise<void>;
}

/**
 * Runs up to `concurrency` jobs of one queue at once, fetching as slots free up. pg-boss's own
 * `work` handles a fetched batch as a whole and fetches again only when all of it is done, so one
 * slow job (a server being provisioned for a minute) would hold back every job behind it.
 */
export function startJobPool<T>(
  boss: PgBoss,
  name: string,
  handler: (job: Job<T>) => Promise<void>,
  options: JobPoolOptions,
): JobPool {
  const running = new Map<string, Promise<void>>();
  let stopping = false;
  let wake: (() => void) | null = null;
  const nap = new AbortController();

  const run = (job: PgBoss.JobWithMetadata<T>) => {
    const done = handler({
      id: job.id,
      name: job.name,
      data: job.data,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
    })
      .then(
        () => boss.complete(name, job.id),
        (error: unknown) =>
          boss.fail(
            name,
            job.id,
            error instanceof Error ? { message: error.message } : { message: String(error) },
          ),
      )
      .catch((error: unknown) => options.onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        running.delete(job.id);
        wake?.();
      });
    running.set(job.id, done);
  };

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
        if (!stopping) options.onError(error instanceof Error ? error : new Error(String(error)));
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
      const timedOut = await Promise.race([
        Promise.all(running.values()).then(() => false),
        sleep(timeoutMs, true, { signal: deadline.signal }).catch(() => false),
      ]);
      deadline.abort();
      if (timedOut && running.size > 0) {
        await boss.fail(name, [...running.keys()]).catch(() => undefined);
      }
    },
  };
}
