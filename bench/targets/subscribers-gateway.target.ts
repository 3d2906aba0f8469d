/**
 * The real gateway (createApp, production mode, PGlite on disk or a scratch PostgreSQL per
 * BENCH_DATABASE) serving serverStatusChanged over graphql-ws, for the subscribers suite.
 * BENCH_BUS=redis (with REDIS_URL) puts the status bus on Redis under a deployment name of its own;
 * otherwise it is the embedded in-process bus. Signs up BENCH_USERS users with
 * BENCH_SERVERS_PER_USER ACTIVE servers each and announces their tokens (`SET tokens a,b,…`).
 * Control (`SET controlUrl`): POST /memory answers the memory after a collection; POST /publish
 * `{ events, intervalMs }` stores that many status changes (ACTIVE <-> OFF, servers in turn) and
 * publishes each through the bus the server use cases publish on, answering what it sent and when;
 * POST /cpu answers the process's CPU time (process.cpuUsage).
 */
import "reflect-metadata";
import { openBenchDeployment } from "./bench-deployment.ts";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Server } from "../../packages/domain/src/index.ts";
import { createApp } from "../../packages/gateway/src/composition/create-app.ts";
import {
  DrizzleServerRepository,
  DrizzleWalletLedger,
  inProcessServerStatusPubSub,
  openJobQueue,
  openRedisServerStatusPubSub,
} from "../../packages/infrastructure/src/index.ts";
import {
  aServer,
  anOrder,
  fundWallet,
  TEST_VAT_RATE,
} from "../../packages/infrastructure/src/testing/index.ts";
import { registerBenchUser } from "../suites/session.ts";
import { memoryAfterGc, startControlServer, wallClock, type SentMessage } from "./subscribers-control.ts";

const USERS = Number(process.env["BENCH_USERS"] ?? 10);
const SERVERS_PER_USER = Number(process.env["BENCH_SERVERS_PER_USER"] ?? 2);

let listenerWarnings = 0;
process.on("warning", (warning) => {
  if (warning.name === "MaxListenersExceededWarning") listenerWarnings++;
});

const { config, database } = await openBenchDeployment({ withoutVariables: ["REDIS_URL"] });
const redisUrl = process.env["REDIS_URL"];
const busOptions = {
  deployment: `bench-${randomUUID().slice(0, 8)}`,
  onError: (error: Error) => process.stderr.write(`status bus: ${error.message}\n`),
};
const bus =
  process.env["BENCH_BUS"] === "redis"
    ? await openRedisServerStatusPubSub({ ...busOptions, redisUrl: redisUrl! })
    : inProcessServerStatusPubSub(busOptions);
// Every benchmark socket comes from this machine, for a handful of users: past the per-address
// and per-account socket limits by design.
const unlimitedSockets = {
  wsSocketsPerUser: Number.MAX_SAFE_INTEGER,
  wsSocketsPerAddress: Number.MAX_SAFE_INTEGER,
};
const app = await createApp(
  { ...config, gatewayLimits: { ...config.gatewayLimits, ...unlimitedSockets } },
  { database, statusBus: bus },
);

const queue = await openJobQueue(database, {
  role: "producer",
  onError: (error) => process.stderr.write(`job queue: ${error.message}\n`),
});
const repository = new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE);
const tokens: string[] = [];
const servers: { user: number; server: Server }[] = [];
for (let user = 0; user < USERS; user++) {
  const token = await registerBenchUser(app.url, `watcher-${randomUUID()}@example.com`, "benchmark password");
  tokens.push(token);
  const viewer = (await (
    await fetch(app.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ viewer { id } }" }),
    })
  ).json()) as { data: { viewer: { id: string } } };
  const userId = Buffer.from(viewer.data.viewer.id, "base64url").toString().split(":")[1]!;
  await fundWallet(new DrizzleWalletLedger(database.db), userId, 10n ** 12n);
  for (let n = 0; n < SERVERS_PER_USER; n++) {
    const placed = await repository.placeOrder(anOrder(aServer(userId, { name: `web-${n}` })));
    if (placed.status !== "PLACED") throw new Error(`bench order ${placed.status}`);
    let server = placed.server;
    for (const [from, to] of [
      ["PENDING", "PROVISIONING"],
      ["PROVISIONING", "ACTIVE"],
    ] as const) {
      const changed = await repository.change({ serverId: server.id, from: [from], to, at: new Date() });
      if (changed.status !== "CHANGED") throw new Error(`bench server ${from} -> ${to}: ${changed.status}`);
      server = changed.server;
    }
    servers.push({ user, server });
  }
}
await queue.stop({ timeoutMs: 1000 });

let turn = 0;
async function publish(body: unknown): Promise<SentMessage[]> {
  const { events, intervalMs } = body as { events: number; intervalMs: number };
  const sent: SentMessage[] = [];
  for (let n = 0; n < events; n++) {
    const slot = servers[turn++ % servers.length]!;
    const from = slot.server.status;
    const to = from === "ACTIVE" ? "OFF" : "ACTIVE";
    const outcome = await repository.change({ serverId: slot.server.id, from: [from], to, at: new Date() });
    if (outcome.status !== "CHANGED" || !outcome.change) throw new Error(`bench change: ${outcome.status}`);
    slot.server = outcome.server;
    const sentAt = wallClock();
    // What the use cases do after a stored change (publishChange): the same bus, the same change.
    await bus.publish(outcome.change);
    sent.push({
      user: slot.user,
      serverId: slot.server.id,
      status: to,
      previousStatus: from,
      occurredAt: outcome.change.occurredAt.toISOString(),
      sentAt,
    });
    await sleep(intervalMs);
  }
  return sent;
}

const control = await startControlServer({
  memory: async () => memoryAfterGc(),
  publish,
  warnings: async () => ({ maxListenersExceeded: listenerWarnings }),
  // The process's CPU time so far: what subscribing costs, whatever else shares the machine.
  cpu: async () => process.cpuUsage(),
});
process.stdout.write(`SET tokens ${tokens.join(",")}\n`);
process.stdout.write(`SET controlUrl ${control.url}\n`);
process.stdout.write(`LISTENING ${app.url}\n`);
process.on("SIGTERM", () => {
  control.server.close();
  void app
    .close()
    .then(() => bus.close())
    .then(() => database.close())
    .then(() => process.exit(0));
});
