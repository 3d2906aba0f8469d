import type { RequestContext, ServerUseCases } from "@peykarband/application";
import {
  canTransition,
  serverOrderReference,
  serverRefundReference,
  type ServerStatus,
} from "@peykarband/domain";
import {
  DrizzleWalletLedger,
  inProcessServerStatusPubSub,
  loadConfig,
  openJobQueue,
  tables,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import {
  expectLedgerBalanced,
  fundWallet,
  insertUser,
  testDatabases,
} from "@peykarband/infrastructure/testing";
import { startCloudSimulators, type CloudSimulators } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { composeAccountAdapters } from "../src/composition/compose-accounts.ts";
import { composeServers } from "../src/composition/compose-servers.ts";
import { spawnWorkerLife, type WorkerLife } from "./crash/server-crash.lives.ts";
import { deploymentEnv, scratchDatabaseUrl } from "./support/deployment-env.ts";

/**
 * Killing a worker at any point (20 kill -9 at random moments) leaves no duplicate and no
 * orphan. Orders arrive through the use cases while worker processes
 * (crash/server-crash.child.ts, the real worker composition) are SIGKILLed at random moments, two
 * lives at a time; the clouds are simulators in this process with slow actions, a 5xx now and then,
 * 429s and creates whose answer is lost. Then one last life runs until every server is settled, the
 * orphan sweep runs once, and the books of the clouds, the servers, the ledger and the queue must
 * agree.
 *
 * PostgreSQL only: lives overlap (several workers racing on one job is half the point), and a PGlite
 * directory admits one process at a time, with ~2 s of start-up per life on top.
 */

const postgres = testDatabases().find((t) => t.name.startsWith("postgresql"))!;
const KILLS = 20;
const LIVES_AT_ONCE = 2;
/** Orders are placed before each of the first lives, so work keeps arriving while workers die. */
const ORDER_ROUNDS = 15;
const ORDERS_PER_ROUND = 2;
const OFFERS = [
  { planId: "do-s-1vcpu-1gb", regionId: "do-fra1" },
  { planId: "hz-cx22", regionId: "hz-fsn1" },
  { planId: "ovh-d2-2", regionId: "ovh-gra11" },
] as const;
const SERVERS = ORDER_ROUNDS * ORDERS_PER_ROUND;
const USERS = 5;
const FUNDS = 1_000_000_000n;
/** A life is killed this long (uniformly random) after it started working the queues. */
const KILL_WINDOW_MS = 4_000;
/**
 * A job of a killed life is handed to another worker this long after its last lease renewal. Lives
 * start slowly on a loaded machine: shorter, and a live one could miss its renewals.
 */
const LEASE_SECONDS = 5;
const START_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 110_000;
const ACTION_MS = 300;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const LIVE_JOB_STATES = ["created", "retry", "active"];

const SYSTEM: RequestContext = { requestId: "server-crash-test", ip: null, userAgent: null, viewer: null };
const asUser = (userId: string): RequestContext => ({
  requestId: randomUUID(),
  ip: null,
  userAgent: null,
  viewer: { userId, role: "CUSTOMER", sessionId: randomUUID() },
});

function postgresOf(database: Database) {
  if (database.kind !== "postgres") throw new Error("expected a PostgreSQL scratch database");
  return database.client;
}

/** "3 ACTIVE, 2 PROVISIONING" of the servers, and the provisioning jobs by state. */
async function snapshot(database: Database): Promise<{ servers: string; jobs: string; unsettled: number }> {
  const sql = postgresOf(database);
  const servers = await sql<{ status: string; n: number }[]>`
    select status, count(*)::int as n from servers group by status order by status`;
  const jobs = await sql<{ state: string; n: number }[]>`
    select state::text as state, count(*)::int as n from pgboss.job
    where name = 'servers.provision' group by state order by state`;
  const unsettledServers = servers
    .filter((s) => s.status !== "ACTIVE" && s.status !== "FAILED")
    .reduce((sum, s) => sum + s.n, 0);
  const liveJobs = jobs.filter((j) => LIVE_JOB_STATES.includes(j.state)).reduce((sum, j) => sum + j.n, 0);
  return {
    servers: servers.map((s) => `${s.n} ${s.status}`).join(", ") || "none",
    jobs: jobs.map((j) => `${j.n} ${j.state}`).join(", ") || "none",
    unsettled: unsettledServers + liveJobs,
  };
}

/** Runs `work` over 0..count-1, at most `size` at once. */
async function inPool(count: number, size: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(size, count) }, lane));
}

describe.skipIf(postgres.skipReason !== null)("worker processes SIGKILLed while provisioning", () => {
  it(
    `leaves no duplicate and no orphan after ${KILLS} kill -9 at random moments, ${SERVERS} servers on three clouds`,
    { timeout: 240_000 },
    async () => {
      const began = performance.now();
      const at = () => `+${((performance.now() - began) / 1000).toFixed(1)} s`;
      const log = (line: string) => process.stdout.write(`[server-crash ${at()}] ${line}\n`);

      const database = await postgres.open();
      const clouds = await startCloudSimulators({ faults: { actionMs: ACTION_MS, serverErrorRate: 0.02 } });
      const dataDir = mkdtempSync(join(tmpdir(), "pk-server-crash-"));
      const env: Record<string, string> = {
        ...deploymentEnv({
          databaseUrl: await scratchDatabaseUrl(database),
          clouds,
          dataDir,
          deploymentPrefix: "crash",
        }),
        CRASH_LEASE_SECONDS: String(LEASE_SECONDS),
        CRASH_CONCURRENCY: "16",
      };
      const config = loadConfig(env);
      const lives: WorkerLife[] = [];
      let queue: JobQueue | null = null;
      try {
        queue = await openJobQueue(database, {
          role: "producer",
          onError: (error) => log(`job queue error: ${error.message}`),
        });
        const accounts = composeAccountAdapters(database, config);
        const bus = inProcessServerStatusPubSub({
          deployment: config.deploymentName,
          onError: () => undefined,
        });
        const servers: ServerUseCases = await composeServers({ config, database, accounts, queue, bus });

        const ledger = new DrizzleWalletLedger(database.db);
        const users: string[] = [];
        for (let i = 0; i < USERS; i++) {
          const user = await insertUser(database);
          await fundWallet(ledger, user.id, FUNDS);
          users.push(user.id);
        }
        const ordered: { id: string; userId: string; provider: string }[] = [];
        const placeOrders = async (round: number) => {
          for (let i = 0; i < ORDERS_PER_ROUND; i++) {
            const n = round * ORDERS_PER_ROUND + i;
            const offer = OFFERS[n % OFFERS.length]!;
            const userId = users[n % USERS]!;
            const result = await servers.orderServer(
              {
                name: `crash-${round}-${i}`,
                ...offer,
                imageId: "ubuntu-24.04",
                sshKeyIds: [],
                idempotencyKey: randomUUID(),
              },
              asUser(userId),
            );
            if (!result.ok) throw new Error(`orderServer: ${result.error.code} ${result.error.message}`);
            ordered.push({ id: result.value.server.id, userId, provider: result.value.server.provider });
          }
        };

        // Faults now and then, on top of the steady 5xx rate: a create done but its answer lost, a 429.
        const stirFaults = (life: number) => {
          if (life % 3 === 0) clouds.setFaults({ loseCreateResponses: 1 });
          if (life % 4 === 1) clouds.setFaults({ rateLimitNext: 1 });
        };

        let kills = 0;
        // The first life creates the worker's queues alone: two processes creating the same new
        // pg-boss queues at once deadlock (40P01 in pgboss.create_queue) and one dies at start.
        let firstLife: (life: WorkerLife) => void = () => undefined;
        const firstReady = new Promise<number>((resolve) => (firstLife = (life) => resolve(life.ready)));
        await inPool(KILLS, LIVES_AT_ONCE, async (index) => {
          if (index > 0) await firstReady;
          if (index < ORDER_ROUNDS) await placeOrders(index);
          stirFaults(index);
          const life = spawnWorkerLife(env, START_TIMEOUT_MS);
          lives.push(life);
          if (index === 0) firstLife(life);
          const readyAt = await life.ready;
          const afterReady = Math.round(Math.random() * KILL_WINDOW_MS);
          await sleep(afterReady);
          const end = await life.kill("SIGKILL");
          kills++;
          const state = await snapshot(database);
          const jobs = life.jobLines();
          log(
            `kill ${kills}/${KILLS}: life ${index} (pid ${life.pid}) ${end} ${afterReady} ms after READY ` +
              `(${Math.round(readyAt - life.spawnedAt)} ms to start); it finished ${jobs.done} provision jobs, ` +
              `failed ${jobs.failed}; servers: ${state.servers}; provision jobs: ${state.jobs}`,
          );
          expect(end, life.output()).toBe("SIGKILL");
        });
        expect(kills).toBe(KILLS);
        expect(ordered).toHaveLength(SERVERS);

        // The last life: runs until every server is settled and no provisioning job is left.
        const last = spawnWorkerLife(env, START_TIMEOUT_MS);
        lives.push(last);
        await last.ready;
        log(`last life (pid ${last.pid}) working`);
        const settleBy = performance.now() + SETTLE_TIMEOUT_MS;
        let state = await snapshot(database);
        while (state.unsettled > 0) {
          if (performance.now() > settleBy) {
            const sql = postgresOf(database);
            const live = await sql`
              select id, state::text as state, retry_count, start_after, output from pgboss.job
              where name = 'servers.provision' and state::text in ${sql(LIVE_JOB_STATES)}`;
            throw new Error(`not settled: ${JSON.stringify({ ...state, live })}\n${last.output()}`);
          }
          await sleep(250);
          state = await snapshot(database);
        }
        log(`settled: servers: ${state.servers}; provision jobs: ${state.jobs}`);
        expect(await last.kill("SIGTERM"), last.output()).toBe("exit 0");

        const sweep = await servers.sweepOrphanServers(SYSTEM);
        log(`orphan sweep: ${JSON.stringify(sweep)}`);
        expect(sweep.failed).toBe(0);
        // What the sweep deleted leaves the clouds once its delete action has run.
        const goneBy = performance.now() + 20 * ACTION_MS;
        while (clouds.servers().length > SERVERS && performance.now() < goneBy) await sleep(100);

        await expectBooksAgree(database, clouds, ordered);
        log(`done in ${at()}`);
      } finally {
        await Promise.all(lives.map((life) => life.kill("SIGKILL")));
        await queue?.stop({ timeoutMs: 1000 }).catch(() => undefined);
        await clouds.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});

/** The clouds, the servers, their history, the ledger and the queue tell one story. */
async function expectBooksAgree(
  database: Database,
  clouds: CloudSimulators,
  ordered: readonly { id: string; userId: string; provider: string }[],
): Promise<void> {
  const rows = await database.db.select().from(tables.servers);
  expect(rows).toHaveLength(ordered.length);
  const byId = new Map(rows.map((row) => [row.id, row]));

  // No FAILED: every fault chosen here is one the pipeline must ride out.
  expect(
    rows.filter((row) => row.status !== "ACTIVE").map((row) => [row.id, row.status, row.failureReason]),
  ).toEqual([]);

  // No duplicate: one provider server per server id, across the three clouds.
  const atClouds = clouds.servers();
  const ids = atClouds.map((s) => s.serverId);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  // No orphan: each provider server belongs to a live server that points at exactly it.
  for (const found of atClouds) {
    const row = found.serverId ? byId.get(found.serverId) : undefined;
    expect(row, `provider server ${found.cloud} ${found.providerServerId}`).toBeDefined();
    expect([row!.status, row!.provider, row!.providerServerId]).toEqual([
      "ACTIVE",
      found.cloud,
      found.providerServerId,
    ]);
  }
  expect(atClouds).toHaveLength(ordered.length);

  const history = await database.db.select().from(tables.serverStatusChanges);
  for (const row of rows) {
    expect(row.ipv4, row.id).toMatch(IPV4);
    const own = history.filter((h) => h.serverId === row.id).sort((a, b) => a.version - b.version);
    let previous: ServerStatus | null = null;
    for (const change of own) {
      expect(change.previousStatus, row.id).toBe(previous);
      if (previous !== null)
        expect(canTransition(previous, change.status as ServerStatus), row.id).toBe(true);
      previous = change.status as ServerStatus;
    }
    expect(
      own.map((h) => h.status),
      row.id,
    ).toEqual(["PENDING", "PROVISIONING", "ACTIVE"]);
  }

  // Charged exactly once per server, never refunded; each wallet is its funding less its orders and VAT.
  const transactions = await database.db.select().from(tables.ledgerTransactions);
  const entries = await database.db.select().from(tables.ledgerEntries);
  const wallets = new Map(
    (await database.db.select().from(tables.wallets)).map((w) => [w.userId, w.balance]),
  );
  for (const server of ordered) {
    const charges = transactions.filter((t) => t.reference === serverOrderReference(server.id));
    expect(charges, server.id).toHaveLength(1);
    expect(transactions.filter((t) => t.reference === serverRefundReference(server.id))).toEqual([]);
  }
  for (const userId of new Set(ordered.map((s) => s.userId))) {
    const charged = new Set(
      ordered
        .filter((s) => s.userId === userId)
        .map((s) => transactions.find((t) => t.reference === serverOrderReference(s.id))!.id),
    );
    const own = entries.filter((e) => e.userId === userId);
    const spent = own
      .filter((e) => charged.has(e.transactionId))
      .reduce((sum, e) => sum + BigInt(e.amount), 0n);
    expect(own.filter((e) => charged.has(e.transactionId))).toHaveLength(charged.size);
    expect(spent < 0n).toBe(true);
    // Usage is drawn from the prepaid first hour; only the VAT on it is collected from the wallet.
    const vat = new Set(transactions.filter((t) => t.kind === "VAT").map((t) => t.id));
    const vatPaid = own
      .filter((e) => vat.has(e.transactionId))
      .reduce((sum, e) => sum + BigInt(e.amount), 0n);
    expect(BigInt(wallets.get(userId)!)).toBe(FUNDS + spent + vatPaid);
  }
  await expectLedgerBalanced(database.db);

  // No provisioning or operation job left to run for these servers.
  const sql = postgresOf(database);
  const left = await sql<{ name: string; state: string; server: string }[]>`
    select name, state::text as state, data->>'serverId' as server from pgboss.job
    where name in ('servers.provision', 'servers.operate') and state::text in ${sql(LIVE_JOB_STATES)}`;
  expect(left).toEqual([]);
}
