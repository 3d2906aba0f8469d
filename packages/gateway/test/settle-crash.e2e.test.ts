import { usageReference, vatOn } from "@peykarband/domain";
import { openJobQueue, type Database, type JobQueue } from "@peykarband/infrastructure";
import {
  expectLedgerBalanced,
  insertRunningServers,
  insertUsers,
  seedCatalog,
  testDatabases,
} from "@peykarband/infrastructure/testing";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { spawnSettleLife, type SettleLife } from "./crash/settle-crash.lives.ts";
import { scratchDatabaseUrl } from "./support/deployment-env.ts";

/**
 * The hourly settlement survives its worker being SIGKILLed: 20 worker processes
 * (crash/settle-crash.child.ts, the real worker composition running `billing.settle`) are killed
 * one after the other, each at a moment picked at random among the points it reports: as it starts
 * working the queues, as a settlement begins, or once a settlement committed but before its job is
 * marked done (so the job is retried). Each life's clock is fixed at a later instant; a last life
 * settles up to the final one. Then every server's USAGE postings must sum to its seconds times its
 * rate, to the rial, in windows that follow each other with no gap and no overlap, and the ledger
 * must balance.
 *
 * PostgreSQL only: a PGlite directory admits one process at a time.
 */
const postgres = testDatabases().find((t) => t.name.startsWith("postgresql"))!;
const KILLS = 20;
const SERVERS = 100;
const USERS = 10;
const RIALS_PER_SECOND = 7n;
const HOURLY_RATE = RIALS_PER_SECOND * 3600n;
/** A killed life's running settlement job is failed and retried this long after it started. */
const EXPIRE_SECONDS = 2;
const EVENT_TIMEOUT_MS = 60_000;
/** Worker processes take seconds to load on a loaded machine: this many load while one works. */
const LIVES_LOADING_AHEAD = 2;
const startedAt = new Date("2026-10-15T08:00:00.000Z");
/** Life `n`'s clock: ten minutes and a few seconds more for each life, the last one included. */
const lifeClock = (n: number) => new Date(startedAt.getTime() + (n + 1) * 600_000 + n * 1_000);
const KILL_POINTS = ["READY", "SETTLING", "SETTLED"] as const;

function postgresOf(database: Database) {
  if (database.kind !== "postgres") throw new Error("expected a PostgreSQL scratch database");
  return database.client;
}

describe.skipIf(postgres.skipReason !== null)("the settlement worker SIGKILLed", () => {
  it(
    `charges ${SERVERS} servers every second once after ${KILLS} kill -9 at random points of settlement`,
    { timeout: 240_000 },
    async () => {
      const began = performance.now();
      const at = () => `+${((performance.now() - began) / 1000).toFixed(1)} s`;
      const log = (line: string) => process.stdout.write(`[settle-crash ${at()}] ${line}\n`);

      const database = await postgres.open();
      const sql = postgresOf(database);
      const dataDir = mkdtempSync(join(tmpdir(), "pk-settle-crash-"));
      const env = (life: number): Record<string, string> => ({
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: "0",
        DATA_DIR: dataDir,
        LOG_LEVEL: "info",
        DATABASE_URL: databaseUrl,
        DEPLOYMENT_NAME: deployment,
        JWT_SIGNING_KEYS: signingKeys,
        SECRET_BOX_KEY: secretBoxKey,
        CRASH_SETTLE_AT: lifeClock(life).toISOString(),
        CRASH_EXPIRE_SECONDS: String(EXPIRE_SECONDS),
      });
      const databaseUrl = await scratchDatabaseUrl(database);
      const deployment = `settle-crash-${randomBytes(4).toString("hex")}`;
      const signingKeys = `k1:${randomBytes(32).toString("base64url")}`;
      const secretBoxKey = randomBytes(32).toString("base64");
      const lives: SettleLife[] = [];
      let queue: JobQueue | null = null;
      try {
        await seedCatalog(database);
        const owners = await insertUsers(database, USERS);
        const serverIds = await insertRunningServers(database, {
          userIds: owners.map((u) => u.id),
          count: SERVERS,
          startedAt,
          hourlyRate: HOURLY_RATE,
          monthlyCap: HOURLY_RATE * 10_000n,
        });
        queue = await openJobQueue(database, {
          role: "producer",
          onError: (error) => log(`job queue error: ${error.message}`),
        });

        const spawnLife = (n: number) => {
          const life = spawnSettleLife(env(n));
          lives.push(life);
          return life;
        };
        /** Starts a LOADED life on the queues and makes sure a settlement job is there for it. */
        const startWorking = async (life: SettleLife) => {
          const waited = performance.now();
          await life.next(/^LOADED$/, EVENT_TIMEOUT_MS);
          const loaded = performance.now();
          life.work();
          await life.next(/^READY \d+$/, EVENT_TIMEOUT_MS);
          log(
            `life ${life.pid}: waited ${Math.round(loaded - waited)} ms for LOADED, ${Math.round(performance.now() - loaded)} ms to READY`,
          );
          // Null when one is already waiting (the queue is stately), a retry of a killed run included.
          await queue!.send("billing.settle", {});
        };

        const kills: string[] = [];
        // Lives load ahead, a few at once, while earlier ones work: only WORK lets one near the queues.
        const loading = Array.from({ length: LIVES_LOADING_AHEAD }, (_, n) => spawnLife(n));
        let life = loading.shift()!;
        for (let n = 0; n < KILLS; n++) {
          await startWorking(life);
          if (n + LIVES_LOADING_AHEAD <= KILLS) loading.push(spawnLife(n + LIVES_LOADING_AHEAD));
          const point = KILL_POINTS[Math.floor(Math.random() * KILL_POINTS.length)]!;
          if (point === "SETTLING") await life.next(/^SETTLING$/, EVENT_TIMEOUT_MS);
          if (point === "SETTLED") await life.next(/^SETTLED \d+$/, EVENT_TIMEOUT_MS);
          expect(await life.kill("SIGKILL"), life.output()).toBe("SIGKILL");
          kills.push(point);
          const [windows] = await sql<{ n: number }[]>`
            select count(distinct ends_at)::int as n from server_usage_postings`;
          log(`kill ${n + 1}/${KILLS} at ${point} (pid ${life.pid}); windows posted so far: ${windows!.n}`);
          life = loading.shift()!;
        }

        // The last life runs until every meter is settled up to its clock, then stops like a pod.
        const until = lifeClock(KILLS);
        await startWorking(life);
        await vi.waitFor(
          async () => {
            const [row] = await sql<{ n: number }[]>`
              select count(*)::int as n from server_meters where settled_until = ${until.toISOString()}::timestamptz`;
            expect(row!.n).toBe(SERVERS);
          },
          { timeout: EVENT_TIMEOUT_MS, interval: 200 },
        );
        expect(await life.kill("SIGTERM"), life.output()).toBe("exit 0");
        log(`settled up to ${until.toISOString()}; kills at ${kills.join(", ")}`);

        const seconds = BigInt((until.getTime() - startedAt.getTime()) / 1000);
        const charged = await sql<{ server: string; rials: string }[]>`
          select s.id as server, coalesce(-sum(e.amount) filter (where e.user_id is not null), 0)::text as rials
          from servers s
          left join ledger_transactions t on t.kind = 'USAGE' and t.reference like 'usage:' || s.id || ':%'
          left join ledger_entries e on e.transaction_id = t.id
          group by s.id`;
        expect(charged).toHaveLength(SERVERS);
        for (const row of charged)
          expect([row.server, BigInt(row.rials)]).toEqual([row.server, seconds * RIALS_PER_SECOND]);

        const postings = await sql<
          {
            server: string;
            startsAt: string;
            endsAt: string;
            accrued: string;
            charged: string;
            reference: string | null;
          }[]
        >`
          select p.server_id as server, p.starts_at::text as "startsAt", p.ends_at::text as "endsAt",
            p.accrued_rials::text as accrued, p.charged_rials::text as charged, t.reference
          from server_usage_postings p left join ledger_transactions t on t.id = p.transaction_id
          order by p.server_id, p.starts_at`;
        for (const serverId of serverIds) {
          const own = postings
            .filter((p) => p.server === serverId)
            .map((p) => ({ ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt) }));
          // Windows follow each other from the start to the end: no second posted twice or skipped.
          expect(own[0]!.startsAt.getTime(), serverId).toBe(startedAt.getTime());
          for (let i = 1; i < own.length; i++)
            expect(own[i]!.startsAt.getTime(), serverId).toBe(own[i - 1]!.endsAt.getTime());
          expect(own.at(-1)!.endsAt.getTime(), serverId).toBe(until.getTime());
          expect(own.reduce((sum, p) => sum + BigInt(p.accrued), 0n)).toBe(seconds * RIALS_PER_SECOND);
          for (const p of own) {
            expect(p.charged, serverId).toBe(p.accrued);
            expect(p.reference, serverId).toBe(usageReference(serverId, p.startsAt));
          }
        }
        const wallets = await sql<{ balance: string }[]>`
          select balance::text as balance from wallets where user_id = any(${`{${owners.map((u) => u.id).join(",")}}`}::uuid[])`;
        // Each server's usage and the VAT on it (10 %, the default), carried and rounded once.
        const usage = seconds * RIALS_PER_SECOND;
        expect(wallets.reduce((sum, w) => sum + BigInt(w.balance), 0n)).toBe(
          -(usage + vatOn(usage, 1000)) * BigInt(SERVERS),
        );
        await expectLedgerBalanced(database.db);
        log(`done: ${postings.length} postings, in ${at()}`);
      } finally {
        await Promise.all(lives.map((l) => l.kill("SIGKILL")));
        await queue?.stop({ timeoutMs: 1000 }).catch(() => undefined);
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
