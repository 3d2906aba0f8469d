/**
 * The subscriber benchmark: BENCH_SUBSCRIBERS (5,000) graphql-ws clients on one gateway
 * process, spread over BENCH_USERS users (10) with BENCH_SERVERS_PER_USER ACTIVE servers each
 * (2), every socket subscribed to `serverStatusChanged` for all of its user's servers. Each round,
 * the gateway stores BENCH_EVENTS (20) status changes BENCH_INTERVAL_MS (50) apart and publishes
 * them on the server use cases' bus (in-process on PGlite; then, when REDIS_URL is set, on Redis,
 * with PostgreSQL when DATABASE_URL is set too); then a plain `ws` server sends the same messages
 * at the same pace to as many plain clients, grouped the same way. Both targets are child processes (their memory is read alone, after a collection, before
 * and after the sockets connect); the clients all live in this process (needs `ulimit -n` above
 * twice the subscribers plus slack). Reports delivered %, p50/p99 latency of both, the p99 ratio
 * and memory per subscriber.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { startTarget, type Target } from "../load.ts";
import {
  openGraphQLSubscribers,
  openPlainSubscribers,
  type ClientPool,
  type Received,
} from "../targets/subscribers-clients.ts";
import { messageKey, type MemoryReading, type SentMessage } from "../targets/subscribers-control.ts";
import { verdict } from "./viewer.suite.ts";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SUBSCRIBERS = env("BENCH_SUBSCRIBERS", 5_000);
const USERS = env("BENCH_USERS", 10);
const SERVERS_PER_USER = env("BENCH_SERVERS_PER_USER", 2);
const EVENTS = env("BENCH_EVENTS", 20);
const INTERVAL_MS = env("BENCH_INTERVAL_MS", 50);
const PARALLEL_CONNECTS = 50;
const DELIVERY_TIMEOUT_MS = 30_000;
const MEMORY_LIMIT_BYTES = 40 * 1024;
const QUERY = "subscription { serverStatusChanged { status previousStatus occurredAt server { id } } }";

async function control<T>(target: Target, name: string, body: unknown = null): Promise<T> {
  const response = await fetch(`${target.values["controlUrl"]!}/${name}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${target.name} /${name}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** How many of the clients (client i belongs to user i % USERS) belong to `user`. */
const socketsOf = (user: number) => Math.floor(SUBSCRIBERS / USERS) + (user < SUBSCRIBERS % USERS ? 1 : 0);

interface Tally {
  readonly latencies: number[];
  expected: number;
  delivered: number;
  duplicates: number;
  strays: number;
}

const newTally = (): Tally => ({ latencies: [], expected: 0, delivered: 0, duplicates: 0, strays: 0 });

/** Waits until `pool` has received one frame per expected delivery, or the timeout. */
async function collect(pool: ClientPool, expected: number): Promise<Received[]> {
  const frames: Received[] = [];
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  while (frames.length < expected && Date.now() < deadline) {
    await sleep(20);
    frames.push(...pool.take());
  }
  await sleep(200); // anything more (duplicates) is counted, not waited for
  frames.push(...pool.take());
  return frames;
}

function keyOfFrame(data: Received["data"]): string | null {
  const frame = JSON.parse(data.toString()) as {
    type: string;
    payload?: { data?: { serverStatusChanged?: { occurredAt: string; server: { id: string } } } };
  };
  const event = frame.type === "next" ? frame.payload?.data?.serverStatusChanged : undefined;
  if (!event) return null;
  const serverId = Buffer.from(event.server.id, "base64url").toString().split(":")[1] ?? "";
  return messageKey(serverId, event.occurredAt);
}

function tallyRound(tally: Tally, sent: readonly SentMessage[], frames: readonly Received[]) {
  const pending = new Map(
    sent.map((m) => [messageKey(m.serverId, m.occurredAt), { m, left: socketsOf(m.user) }]),
  );
  for (const m of sent) tally.expected += socketsOf(m.user);
  for (const frame of frames) {
    const key = keyOfFrame(frame.data);
    const entry = key === null ? undefined : pending.get(key);
    if (!entry) tally.strays++;
    else if (entry.left === 0) tally.duplicates++;
    else {
      entry.left--;
      tally.delivered++;
      tally.latencies.push(frame.at - entry.m.sentAt);
    }
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

const perSubscriber = (before: MemoryReading, after: MemoryReading) => ({
  rss: (after.rss - before.rss) / SUBSCRIBERS,
  heap: (after.heapUsed + after.external - before.heapUsed - before.external) / SUBSCRIBERS,
});

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** One gateway (with the given bus) against the plain ws broadcast, interleaved round by round. */
async function compare(label: string, env: Record<string, string>, rounds: number) {
  const targets: Target[] = [];
  const pools: ClientPool[] = [];
  try {
    const gateway = await startTarget(label, "bench/targets/subscribers-gateway.target.ts", {
      ...env,
      BENCH_USERS: String(USERS),
      BENCH_SERVERS_PER_USER: String(SERVERS_PER_USER),
    });
    targets.push(gateway);
    const plain = await startTarget("plain ws broadcast", "bench/targets/subscribers-broadcast.target.ts");
    targets.push(plain);
    const before = await Promise.all([
      control<MemoryReading>(gateway, "memory"),
      control<MemoryReading>(plain, "memory"),
    ]);

    let started = performance.now();
    const graphql = await openGraphQLSubscribers({
      url: gateway.url.replace(/^http/, "ws"),
      tokens: gateway.values["tokens"]!.split(","),
      count: SUBSCRIBERS,
      query: QUERY,
      opening: SERVERS_PER_USER,
      parallel: PARALLEL_CONNECTS,
    });
    pools.push(graphql);
    console.log(
      `${label}: ${SUBSCRIBERS} subscribed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    const plainPool = await openPlainSubscribers({
      url: plain.url,
      users: USERS,
      count: SUBSCRIBERS,
      parallel: PARALLEL_CONNECTS,
    });
    pools.push(plainPool);
    console.log(
      `plain ws: ${SUBSCRIBERS} connected in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const after = await Promise.all([
      control<MemoryReading>(gateway, "memory"),
      control<MemoryReading>(plain, "memory"),
    ]);

    const tallies = { gateway: newTally(), plain: newTally() };
    for (let round = 0; round < rounds; round++) {
      const sent = await control<SentMessage[]>(gateway, "publish", {
        events: EVENTS,
        intervalMs: INTERVAL_MS,
      });
      const expected = sent.reduce((sum, m) => sum + socketsOf(m.user), 0);
      tallyRound(tallies.gateway, sent, await collect(graphql, expected));
      const echoed = await control<SentMessage[]>(plain, "publish", {
        messages: sent,
        intervalMs: INTERVAL_MS,
      });
      tallyRound(tallies.plain, echoed, await collect(plainPool, expected));
    }
    const failures = [...graphql.failures, ...plainPool.failures];
    const warnings = await control<{ maxListenersExceeded: number }>(gateway, "warnings");

    const memory = { gateway: perSubscriber(before[0], after[0]), plain: perSubscriber(before[1], after[1]) };
    const rows = Object.entries(tallies).map(([name, tally]) => {
      const sorted = [...tally.latencies].sort((a, b) => a - b);
      return {
        target: name === "gateway" ? label : "plain ws broadcast",
        "delivered %": ((100 * tally.delivered) / tally.expected).toFixed(2),
        "duplicates/strays": `${tally.duplicates}/${tally.strays}`,
        "p50 ms": percentile(sorted, 50).toFixed(1),
        "p99 ms": percentile(sorted, 99).toFixed(1),
        "max ms": percentile(sorted, 100).toFixed(1),
        "RSS KB/sub": kb(memory[name as keyof typeof memory].rss),
        "heap+ext KB/sub": kb(memory[name as keyof typeof memory].heap),
      };
    });
    console.log(
      `\nserverStatusChanged, ${SUBSCRIBERS} sockets, ${USERS} users x ${SERVERS_PER_USER} servers, ${rounds} rounds of ${EVENTS} changes ${INTERVAL_MS} ms apart`,
    );
    console.table(rows);
    console.log(`socket failures: ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ""}`);
    console.log(`MaxListenersExceededWarning in the gateway: ${warnings.maxListenersExceeded}`);

    const p99 = (tally: Tally) =>
      percentile(
        [...tally.latencies].sort((a, b) => a - b),
        99,
      );
    return [
      verdict(
        `${label}: delivered (fraction, no failures)`,
        failures.length ? 0 : tallies.gateway.delivered / tallies.gateway.expected,
        1,
      ),
      verdict(`${label}: plain ws p99 / gateway p99`, p99(tallies.plain) / p99(tallies.gateway), 0.5),
      verdict(`${label}: 40 KB / RSS per subscriber`, MEMORY_LIMIT_BYTES / memory.gateway.rss, 1),
    ];
  } finally {
    for (const pool of pools) pool.close();
    await Promise.all(targets.map((target) => target.stop()));
  }
}

export async function subscribersSuite(options: { seconds: number; rounds: number }) {
  // The embedded default, then production's shape when its services are there.
  const verdicts = await compare("gateway (PGlite, in-process bus)", {}, options.rounds);
  if (process.env["REDIS_URL"]) {
    const postgres = Boolean(process.env["DATABASE_URL"]);
    verdicts.push(
      ...(await compare(
        `gateway (${postgres ? "PostgreSQL" : "PGlite"}, Redis bus)`,
        { BENCH_BUS: "redis", ...(postgres ? { BENCH_DATABASE: "postgres" } : {}) },
        options.rounds,
      )),
    );
  }
  return verdicts;
}
