import { describe, expect, it, vi } from "vitest";
import { testDatabases } from "../testing/test-database.ts";
import PgBoss from "pg-boss";
import { JOB_QUEUE_SCHEMA, openJobQueue, type Job } from "./pg-boss.job-queue.ts";
import { jobLeases } from "./job-lease.ts";
import { pgBossSqlAdapter } from "./pg-boss.sql-adapter.ts";
import { useJobQueue } from "../../test/job-queue-kit.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`openJobQueue, leased runs, on ${target.name}`, () => {
    const rig = useJobQueue(target);

    describe("leased runs (workConcurrently)", () => {
      /** pg-boss's own expiry and retry backoff would hold a dead worker's job for 15 minutes or more. */
      const SLOW_TO_EXPIRE = {
        policy: "standard",
        expireInSeconds: 600,
        retryLimit: 3,
        retryDelaySeconds: 300,
        retryBackoff: true,
      } as const;
      const LEASE = { concurrency: 2, pollingIntervalSeconds: 0.5, leaseSeconds: 1.5 };
      const jobRow = async (id: string) => {
        const rows = await pgBossSqlAdapter(rig.database).executeSql(
          `select state::text as state, retry_count as "retryCount",
             extract(epoch from now() - created_on)::float8 as age,
             extract(epoch from now() - started_on)::float8 as "sinceRenewal"
           from ${JOB_QUEUE_SCHEMA}.job where id = $1`,
          [id],
        );
        return rows.rows[0] as { state: string; retryCount: number; age: number; sinceRenewal: number };
      };
      const gate = () => {
        let open: () => void = () => undefined;
        const opened = new Promise<void>((resolve) => (open = resolve));
        return { open, opened };
      };

      it("hands the job of a worker that died to another worker within a lease, not after the backoff, even on its last attempt", async () => {
        await rig.queue.createQueue("test.lease.dead", { ...SLOW_TO_EXPIRE, retryLimit: 0 });
        const id = (await rig.queue.send("test.lease.dead", { n: 1 }))!;
        // A worker claims the job (pg-boss's own fetch) and dies before completing it.
        const doomed = new PgBoss({
          db: pgBossSqlAdapter(rig.database),
          schema: JOB_QUEUE_SCHEMA,
          supervise: false,
          schedule: false,
        });
        await doomed.start();
        const [claimed] = await doomed.fetch("test.lease.dead", { includeMetadata: true });
        expect(claimed?.id).toBe(id);
        await doomed.stop({ graceful: false, wait: true });
        expect(await jobRow(id)).toMatchObject({ state: "active", retryCount: 0 });

        const runs: Job<{ n: number }>[] = [];
        rig.queue.workConcurrently<{ n: number }>(
          "test.lease.dead",
          async (job) => void runs.push(job),
          LEASE,
        );
        await vi.waitFor(async () => expect((await jobRow(id)).state).toBe("completed"), {
          timeout: 15_000,
          interval: 100,
        });
        expect(runs.map((run) => [run.id, run.retryCount, run.retryLimit])).toEqual([[id, 1, 0]]);
      });

      it("keeps a job with its live worker however long it runs, while other workers look", async () => {
        await rig.queue.createQueue("test.lease.slow", SLOW_TO_EXPIRE);
        const other = await openJobQueue(rig.database, { onError: (error) => rig.errors.push(error) });
        try {
          const release = gate();
          const runs: Job<{ n: number }>[] = [];
          const slow = async (job: Job<{ n: number }>) => {
            runs.push(job);
            await release.opened;
          };
          rig.queue.workConcurrently("test.lease.slow", slow, LEASE);
          other.workConcurrently("test.lease.slow", slow, LEASE);
          const id = (await rig.queue.send("test.lease.slow", { n: 1 }))!;
          // Runs for three leases and more; its lease keeps being renewed.
          await vi.waitFor(
            async () => {
              const row = await jobRow(id);
              expect(row.age).toBeGreaterThan(3 * LEASE.leaseSeconds);
              expect(row.sinceRenewal).toBeLessThan(LEASE.leaseSeconds);
            },
            { timeout: 20_000, interval: 200 },
          );
          expect(runs).toHaveLength(1);
          expect(runs[0]!.holdsLease()).toBe(true);
          release.open();
          await vi.waitFor(async () => expect((await jobRow(id)).state).toBe("completed"), {
            timeout: 10_000,
            interval: 100,
          });
          expect(runs.map((run) => run.retryCount)).toEqual([0]);
        } finally {
          await other.stop({ timeoutMs: 1000 });
        }
      });

      it("lets a run that outlived its lease neither complete nor fail the job another worker took over", async () => {
        await rig.queue.createQueue("test.lease.stalled", SLOW_TO_EXPIRE);
        const gates = [gate(), gate()];
        const runs: Job<{ n: number }>[] = [];
        rig.queue.workConcurrently<{ n: number }>(
          "test.lease.stalled",
          async (job) => {
            const gate = gates[runs.push(job) - 1]!;
            await gate.opened;
            if (runs.length === 2 && job.retryCount === 0) throw new Error("the stalled run fails late");
          },
          LEASE,
        );
        const id = (await rig.queue.send("test.lease.stalled", { n: 1 }))!;
        await vi.waitFor(() => expect(runs).toHaveLength(1), { timeout: 10_000, interval: 50 });
        // Another worker finds the lease lapsed, as it would once this one froze (its event loop or
        // its database) for longer than a lease: a zero lease stands in for the frozen minute.
        expect(
          await jobLeases(pgBossSqlAdapter(rig.database), JOB_QUEUE_SCHEMA).reclaimLapsed(
            "test.lease.stalled",
            0,
          ),
        ).toBe(1);
        await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 10_000, interval: 50 });
        expect(runs[1]!.retryCount).toBe(1);
        await vi.waitFor(() => expect(runs[0]!.holdsLease()).toBe(false), { timeout: 10_000, interval: 50 });
        expect(runs[1]!.holdsLease()).toBe(true);

        const reported = rig.errors.length;
        gates[0]!.open();
        await vi.waitFor(() => expect(rig.errors.length).toBe(reported + 1), {
          timeout: 10_000,
          interval: 50,
        });
        expect(rig.errors.splice(reported)[0]!.message).toMatch(/outlived its lease/);
        expect(await jobRow(id)).toMatchObject({ state: "active", retryCount: 1 });
        gates[1]!.open();
        await vi.waitFor(async () => expect((await jobRow(id)).state).toBe("completed"), {
          timeout: 10_000,
          interval: 100,
        });
      });
    });
  });
}
