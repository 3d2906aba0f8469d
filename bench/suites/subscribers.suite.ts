/**
 * The subscriber benchmark: BENCH_SUBSCRIBERS (10,000) graphql-ws clients on one gateway
 * process, spread over BENCH_USERS users (10) with BENCH_SERVERS_PER_USER ACTIVE servers each
 * (2), every socket subscribed to `serverStatusChanged` for all of its user's servers. Each round,
 * the gateway stores BENCH_EVENTS (20) status changes BENCH_INTERVAL_MS (50) apart and publishes
 * them on the server use cases' bus (in-process on PGlite; then, when REDIS_URL is set, on Redis,
 * with PostgreSQL when DATABASE_URL is set too). Then every client drops and reconnects at once
 * (BENCH_STORM_PARALLEL at a time): the reconnect storm, timed until all are subscribed again.
 * Then a plain `ws` server sends the same messages at the same pace to as many plain clients,
 * grouped the same way. Both targets are child processes (their memory is read alone, after a
 * collection, before and after the sockets connect); the clients live in this process, one
 * target's at a time. Reports delivered %, p50/p99 latency of both, the p99 ratio, memory per
 * subscriber and the storm's subscriptions a second.
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
const SUBSCRIBERS = env("BENCH_SUBSCRIBERS", 10_000);
const USERS = env("BENCH_USERS", 10);
const SERVERS_PER_USER = env("BENCH_SERVERS_PER_USER", 2);
const EVENTS = env("BENCH_EVENTS", 20);
const INTERVAL_MS = env("BENCH_INTERVAL_MS", 50);
const PARALLEL_CONNECTS = 50;
/** Clients reconnecting at once in the storm; more would overflow the listen backlog (511). */
const STORM_PARALLEL = env("BENCH_STORM_PARALLEL", 500);
/** 10,000 sockets subscribed again within 10 s. */
const STORM_MIN_PER_SECOND = 1_000;
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

const seconds = (since: number) => (performance.now() - since) / 1000;

/** The gateway's CPU per subscription, and the rate one core would sustain at that cost. */
const perSubscription = (cpuAfterMs: number, cpuBeforeMs: number) => {
  const ms = (cpuAfterMs - cpuBeforeMs) / SUBSCRIBERS;
  return `gateway CPU ${ms.toFixed(2)} ms a subscription (${Math.round(1000 / ms)} a CPU-second)`;
};

/**
 * One gateway (with the given bus), then the plain ws broadcast sent the very messages the gateway
 * sent, round for round. One side's clients are closed before the other's open, so the bench
 * process holds one set of sockets at a time (10,000 sockets of both would need 20,000 descriptors,
 * the hard `ulimit -n` here).
 */
async function compare(label: string, env: Record<string, string>, rounds: number) {
  const tallies = { gateway: newTally(), plain: newTally() };
  const sentRounds: SentMessage[][] = [];
  const failures: string[] = [];
  const memory: Record<"gateway" | "plain", ReturnType<typeof perSubscriber>> = {
    gateway: { rss: NaN, heap: NaN },
    plain: { rss: NaN, heap: NaN },
  };
  let storm: { seconds: number; perSecond: number };
  let listenerWarnings: number;

  const gateway = await startTarget(label, "bench/targets/subscribers-gateway.target.ts", {
    ...env,
    BENCH_USERS: String(USERS),
    BENCH_SERVERS_PER_USER: String(SERVERS_PER_USER),
  });
  const cpuMs = async () => {
    const { user, system } = await control<{ user: number; system: number }>(gateway, "cpu");
    return (user + system) / 1000;
  };
  const openGateway = (parallel: number) =>
    openGraphQLSubscribers({
      url: gateway.url.replace(/^http/, "ws"),
      tokens: gateway.values["tokens"]!.split(","),
      count: SUBSCRIBERS,
      query: QUERY,
      opening: SERVERS_PER_USER,
      parallel,
    });
  try {
    const before = await control<MemoryReading>(gateway, "memory");
    let cpuBefore = await cpuMs();
    let started = performance.now();
    let graphql = await openGateway(PARALLEL_CONNECTS);
    console.log(
      `${label}: ${SUBSCRIBERS} subscribed in ${seconds(started).toFixed(1)} s, ${perSubscription(await cpuMs(), cpuBefore)}`,
    );
    try {
      memory.gateway = perSubscriber(before, await control<MemoryReading>(gateway, "memory"));
      for (let round = 0; round < rounds; round++) {
        const sent = await control<SentMessage[]>(gateway, "publish", {
          events: EVENTS,
          intervalMs: INTERVAL_MS,
        });
        sentRounds.push(sent);
        const expected = sent.reduce((sum, m) => sum + socketsOf(m.user), 0);
        tallyRound(tallies.gateway, sent, await collect(graphql, expected));
      }
      failures.push(...graphql.failures);
      // Every client drops at once and comes straight back, many at a time: a deploy, a network blip.
      graphql.close();
      cpuBefore = await cpuMs();
      started = performance.now();
      graphql = await openGateway(STORM_PARALLEL);
      storm = { seconds: seconds(started), perSecond: SUBSCRIBERS / seconds(started) };
      console.log(
        `${label}: reconnect storm, ${SUBSCRIBERS} resubscribed (${STORM_PARALLEL} at a time) in ${storm.seconds.toFixed(1)} s, ${perSubscription(await cpuMs(), cpuBefore)}`,
      );
      failures.push(...graphql.failures);
    } finally {
      graphql.close();
    }
    listenerWarnings = (await control<{ maxListenersExceeded: number }>(gateway, "warnings"))
      .maxListenersExceeded;
  } finally {
    await gateway.stop();
  }

  const plain = await startTarget("plain ws broadcast", "bench/targets/subscribers-broadcast.target.ts");
  try {
    const before = await control<MemoryReading>(plain, "memory");
    const started = performance.now();
    const plainPool = await openPlainSubscribers({
      url: plain.url,
      users: USERS,
      count: SUBSCRIBERS,
      parallel: PARALLEL_CONNECTS,
    });
    console.log(`plain ws: ${SUBSCRIBERS} connected in ${seconds(started).toFixed(1)} s`);
    try {
      memory.plain = perSubscriber(before, await control<MemoryReading>(plain, "memory"));
      for (const sent of sentRounds) {
        const echoed = await control<SentMessage[]>(plain, "publish", {
          messages: sent,
          intervalMs: INTERVAL_MS,
        });
        const expected = sent.reduce((sum, m) => sum + socketsOf(m.user), 0);
        tallyRound(tallies.plain, echoed, await collect(plainPool, expected));
      }
      failures.push(...plainPool.failures);
    } finally {
      plainPool.close();
    }
  } finally {
    await plain.stop();
  }

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
  console.log(`MaxListenersExceededWarning in the gateway: ${listenerWarnings}`);

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
    verdict(
      `${label}: reconnect storm, subscriptions a second / ${STORM_MIN_PER_SECOND}`,
      storm.perSecond / STORM_MIN_PER_SECOND,
      1,
    ),
  ];
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
