import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { testDatabases } from "../testing/test-database.ts";
import { openJobQueue, type Job } from "./pg-boss.job-queue.ts";
import { FAST, settle, gate, pgBossJobs, useJobQueue } from "../../test/job-queue-kit.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`openJobQueue on ${target.name}`, () => {
    const rig = useJobQueue(target);

    const completed = (ids: readonly (string | null)[]) =>
      vi.waitFor(
        async () => {
          const rows = await rig.database.db.select().from(pgBossJobs);
          for (const id of ids) expect(rows.find((job) => job.id === id)?.state).toBe("completed");
        },
        { timeout: 10_000, interval: 100 },
      );

    it("keeps its tables in the pgboss schema and answers ping", async () => {
      await rig.queue.ping();
      await expect(rig.database.db.execute(sql`select version from pgboss.version`)).resolves.toBeDefined();
    });

    it("counts unfinished jobs per queue and state, and no finished ones", async () => {
      const name = `count-${randomUUID()}`;
      await rig.queue.createQueue(name, { policy: "standard", expireInSeconds: 60, retryLimit: 0 });
      await rig.queue.send(name, {});
      await rig.queue.send(name, {});
      const mine = async () => (await rig.queue.countUnfinished()).filter((depth) => depth.queue === name);
      expect(await mine()).toEqual([{ queue: name, state: "created", count: 2 }]);
      const done: string[] = [];
      await rig.queue.work(name, async (job) => void done.push(job.id), { pollingIntervalSeconds: 0.5 });
      await vi.waitFor(() => expect(done).toHaveLength(2), { timeout: 10_000 });
      await vi.waitFor(async () => expect(await mine()).toEqual([]), { timeout: 10_000 });
    });

    it("lets workers starting together create the same new queues (pg-boss races in create_queue)", async () => {
      const others = await Promise.all(
        [1, 2, 3].map(() =>
          openJobQueue(rig.database, { onError: (error) => rig.errors.push(error), role: "producer" }),
        ),
      );
      try {
        const names = ["test.race.a", "test.race.b", "test.race.c", "test.race.d"];
        const options = { policy: "standard", expireInSeconds: 60, retryLimit: 1 } as const;
        await Promise.all(
          [rig.queue, ...others].flatMap((q) => names.map((name) => q.createQueue(name, options))),
        );
        for (const name of names) expect(await rig.queue.send(name, {})).toEqual(expect.any(String));
      } finally {
        await Promise.all(others.map((q) => q.stop({ timeoutMs: 1000 })));
      }
    });

    it("runs jobs side by side up to the concurrency, refilling each slot as it frees", async () => {
      await rig.queue.createQueue("test.pool", { policy: "standard", expireInSeconds: 60, retryLimit: 1 });
      let running = 0;
      let most = 0;
      const done: number[] = [];
      let failedOnce = false;
      // Gates instead of durations: the long job runs until released, and the others wait until all
      // four slots are busy at least once, so both hold however slowly the machine runs.
      const allSlotsBusy = gate();
      const longJobMayEnd = gate();
      rig.queue.workConcurrently<{ n: number }>(
        "test.pool",
        async (job) => {
          running++;
          most = Math.max(most, running);
          if (running === 4) allSlotsBusy.open();
          await (job.data.n === 1 ? longJobMayEnd.opened : allSlotsBusy.opened);
          running--;
          if (job.data.n === 0 && !failedOnce) {
            failedOnce = true;
            throw new Error("first try fails");
          }
          done.push(job.data.n);
        },
        { concurrency: 4, pollingIntervalSeconds: 0.5, leaseSeconds: 30 },
      );
      // One long job must not hold back the short ones behind it.
      await rig.queue.send("test.pool", { n: 1 });
      for (let n = 2; n <= 9; n++) await rig.queue.send("test.pool", { n });
      await rig.queue.send("test.pool", { n: 0 });
      // The 8 short ones and the failing one (retried at once) finish while the long one runs.
      await vi.waitFor(() => expect(done).toHaveLength(9), { timeout: 10_000, interval: 50 });
      expect(done).not.toContain(1);
      longJobMayEnd.open();
      await vi.waitFor(() => expect(done).toHaveLength(10), { timeout: 10_000, interval: 100 });
      expect(most).toBe(4);
      expect(failedOnce).toBe(true);
    });

    it("runs a sent job once, with its data", async () => {
      const seen: Job<{ n: number }>[] = [];
      await rig.queue.createQueue("test.once", { policy: "standard", expireInSeconds: 60, retryLimit: 2 });
      await rig.queue.work<{ n: number }>("test.once", async (job) => void seen.push(job), FAST);
      const id = await rig.queue.send("test.once", { n: 42 });

      await completed([id]);
      expect(seen).toEqual([
        {
          id,
          name: "test.once",
          data: { n: 42 },
          retryCount: 0,
          retryLimit: 2,
          holdsLease: expect.any(Function),
        },
      ]);
    });

    it("retries a job whose handler failed, and fails only that job of its batch", async () => {
      const runs: number[] = [];
      await rig.queue.createQueue("test.retry", { policy: "standard", expireInSeconds: 60, retryLimit: 1 });
      const ids = [
        await rig.queue.send("test.retry", { n: 1 }),
        await rig.queue.send("test.retry", { n: 2 }),
      ];
      await rig.queue.work<{ n: number }>(
        "test.retry",
        async (job) => {
          runs.push(job.data.n);
          if (job.data.n === 1 && runs.filter((n) => n === 1).length === 1)
            throw new Error("first try fails");
        },
        { ...FAST, batchSize: 2 },
      );

      await completed(ids);
      expect(runs.sort()).toEqual([1, 1, 2]);
    });

    it("keeps at most one job waiting on a stately queue", async () => {
      await rig.queue.createQueue("test.stately", { policy: "stately", expireInSeconds: 60, retryLimit: 0 });
      expect(await rig.queue.send("test.stately", {})).toEqual(expect.any(String));
      expect(await rig.queue.send("test.stately", {})).toBeNull();
    });

    it("never runs two jobs of a stately queue at once, however many workers", async () => {
      let running = 0;
      let mostAtOnce = 0;
      const done: number[] = [];
      const slow = async (job: Job<{ n: number }>) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await settle(700);
        running--;
        done.push(job.data.n);
      };
      await rig.queue.createQueue("test.one-at-a-time", {
        policy: "stately",
        expireInSeconds: 60,
        retryLimit: 0,
      });
      await rig.queue.work("test.one-at-a-time", slow, FAST);
      await rig.queue.work("test.one-at-a-time", slow, FAST);
      await rig.queue.send("test.one-at-a-time", { n: 1 });
      await vi.waitFor(() => expect(running).toBe(1), { timeout: 10_000, interval: 20 });
      await rig.queue.send("test.one-at-a-time", { n: 2 });

      await vi.waitFor(() => expect(done).toEqual([1, 2]), { timeout: 10_000, interval: 100 });
      expect(mostAtOnce).toBe(1);
    });

    it("lets a running job finish when stopped", async () => {
      const other = await openJobQueue(rig.database, { onError: (error) => rig.errors.push(error) });
      let finished = false;
      await other.createQueue("test.graceful", { policy: "standard", expireInSeconds: 60, retryLimit: 0 });
      let started = false;
      await other.work(
        "test.graceful",
        async () => {
          started = true;
          await settle(800);
          finished = true;
        },
        FAST,
      );
      await other.send("test.graceful", {});
      await vi.waitFor(() => expect(started).toBe(true), { timeout: 10_000, interval: 20 });

      await other.stop({ timeoutMs: 5000 });
      expect(finished).toBe(true);
    });

    it("runs a scheduled job", async () => {
      const seen: Job<{ from: string }>[] = [];
      await rig.queue.createQueue("test.cron", { policy: "stately", expireInSeconds: 60, retryLimit: 0 });
      await rig.queue.work<{ from: string }>("test.cron", async (job) => void seen.push(job), FAST);
      await rig.queue.schedule("test.cron", "* * * * *", { from: "cron" });

      await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 15_000, interval: 100 });
      expect(seen[0]?.data).toEqual({ from: "cron" });
    });

    it("stops cleanly, and refuses ping from then on", async () => {
      await rig.queue.stop({ timeoutMs: 1000 });
      await expect(rig.queue.ping()).rejects.toThrow(/stopping/);
      expect(rig.errors).toEqual([]);
    });
  });
}
