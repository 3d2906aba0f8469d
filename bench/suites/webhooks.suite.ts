/**
 * 10,000 webhook deliveries to a local receiver through the real job path, on PostgreSQL: events
 * written as the services write them (`writeWebhookDeliveries` in a transaction, 100 events each),
 * pg-boss jobs worked 25 at a time by `deliverWebhook` (signing, the pinned POST, the recorded
 * answer). Counted: deliveries lost and duplicated, and the time from each event's commit to its
 * arrival. Baseline, in the same run: the same number of plain POSTs of the same bodies from a loop,
 * 25 in flight, timed from the loop's start to each arrival.
 */
import {
  createWebhookUseCases,
  WEBHOOK_JOB_NAME,
  type WebhookJobData,
} from "../../packages/application/src/index.ts";
import { serverStatusChangedEvent, webhookBody, type WebhookEvent } from "../../packages/domain/src/index.ts";
import {
  AesGcmSecretBox,
  CryptoRandomSource,
  DrizzleAuditLog,
  DrizzleWebhookRepository,
  GotWebhookSender,
  HmacWebhookSigner,
  openJobQueue,
  SystemClock,
  UuidV7Generator,
} from "../../packages/infrastructure/src/index.ts";
import { insertUsers, testDatabases } from "../../packages/infrastructure/src/testing/index.ts";
import { writeWebhookDeliveries } from "../../packages/infrastructure/src/webhooks/webhook-event.writer.ts";
import { WEBHOOK_QUEUE } from "../../packages/gateway/src/composition/compose-webhooks.ts";
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { median } from "../load.ts";
import { verdict } from "./viewer.suite.ts";

const DELIVERIES = 10_000;
const USERS = 100;
const EVENTS_PER_TRANSACTION = 100;
const IN_FLIGHT = 25;

const p95 = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

/** Records each POST by the event id in its body, with when it arrived. */
async function startReceiver() {
  const arrivals = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const { id } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id: string };
      arrivals.set(id, [...(arrivals.get(id) ?? []), performance.now()]);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  return { url, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const eventFor = (userId: string, n: number): WebhookEvent =>
  serverStatusChangedEvent({
    serverId: randomUUID(),
    userId,
    status: "ACTIVE",
    previousStatus: "PROVISIONING",
    version: n,
    reason: null,
    occurredAt: new Date(),
  });

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > timeoutMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function webhooksSuite() {
  const postgres = testDatabases().find((t) => t.name === "postgresql" && t.skipReason === null);
  if (!postgres) throw new Error("the webhooks benchmark needs DATABASE_URL (PostgreSQL)");
  const database = await postgres.open();
  const receiver = await startReceiver();
  const queue = await openJobQueue(database, { onError: (error) => console.error(error.message) });
  try {
    const users = await insertUsers(database, USERS);
    const clock = new SystemClock();
    const secretBox = new AesGcmSecretBox(randomBytes(32));
    const webhooks = new DrizzleWebhookRepository(database.db, queue);
    for (const user of users) {
      await webhooks.createEndpoint({
        id: randomUUID(),
        userId: user.id,
        url: receiver.url,
        events: ["SERVER_STATUS_CHANGED"],
        createdAt: clock.now(),
        disabledAt: null,
        disabledReason: null,
        failingSince: null,
        sealedSecret: secretBox.seal(`whsec_${randomBytes(32).toString("base64url")}`),
      });
    }
    await queue.createQueue(WEBHOOK_JOB_NAME, WEBHOOK_QUEUE);
    const useCases = createWebhookUseCases({
      webhooks,
      sender: new GotWebhookSender({ allowLoopback: true }),
      signer: new HmacWebhookSigner(),
      secretBox,
      audit: new DrizzleAuditLog(database.db),
      clock,
      ids: new UuidV7Generator(clock),
      random: new CryptoRandomSource(),
    });
    queue.workConcurrently<WebhookJobData>(
      WEBHOOK_JOB_NAME,
      async (job) => {
        await useCases.deliverWebhook(job.data);
      },
      { concurrency: IN_FLIGHT, leaseSeconds: 30, pollingIntervalSeconds: 0.5 },
    );

    // The webhook path: events committed in transactions, each with its deliveries and jobs.
    const committedAt = new Map<string, number>();
    const webhookStarted = performance.now();
    for (let written = 0; written < DELIVERIES; written += EVENTS_PER_TRANSACTION) {
      const events = Array.from({ length: EVENTS_PER_TRANSACTION }, (_, i) =>
        eventFor(users[(written + i) % USERS]!.id, written + i),
      );
      await database.db.transaction(async (tx) => {
        for (const event of events) await writeWebhookDeliveries(tx, queue, event);
      });
      const now = performance.now();
      for (const event of events) committedAt.set(event.id, now);
    }
    await until(() => receiver.arrivals.size >= DELIVERIES, 600_000);
    const webhookMs = performance.now() - webhookStarted;
    const arrived = [...committedAt].filter(([id]) => receiver.arrivals.has(id));
    const lost = DELIVERIES - arrived.length;
    const duplicated = [...receiver.arrivals.values()].reduce((n, times) => n + times.length - 1, 0);
    const webhookLatencies = arrived.map(([id, at]) => receiver.arrivals.get(id)![0]! - at);

    // The baseline: the same bodies POSTed from a loop, IN_FLIGHT at a time.
    receiver.arrivals.clear();
    const bodies = Array.from({ length: DELIVERIES }, (_, n) =>
      webhookBody(eventFor(users[n % USERS]!.id, n)),
    );
    const baselineStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const response = await fetch(receiver.url, {
            method: "POST",
            body,
            headers: { "content-type": "application/json" },
          });
          await response.arrayBuffer();
        }
      }),
    );
    const baselineMs = performance.now() - baselineStarted;
    const baselineLatencies = [...receiver.arrivals.values()].map((times) => times[0]! - baselineStarted);

    console.log(`\n${DELIVERIES} webhook deliveries to a local receiver, ${IN_FLIGHT} in flight`);
    console.table([
      {
        path: "webhooks (pg-boss jobs)",
        "total ms": Math.round(webhookMs),
        "event → delivery p50 ms": Math.round(median(webhookLatencies)),
        "event → delivery p95 ms": Math.round(p95(webhookLatencies)),
        lost,
        duplicated,
      },
      {
        path: "plain POSTs from a loop",
        "total ms": Math.round(baselineMs),
        "event → delivery p50 ms": Math.round(median(baselineLatencies)),
        "event → delivery p95 ms": Math.round(p95(baselineLatencies)),
        lost: DELIVERIES - receiver.arrivals.size,
        duplicated: 0,
      },
    ]);
    if (lost > 0 || duplicated > 0) throw new Error(`${lost} deliveries lost, ${duplicated} duplicated`);
    // A ratio of speeds (higher is better): the loop's total time over the webhook path's.
    return [verdict(`${DELIVERIES} webhook deliveries vs plain POSTs`, baselineMs / webhookMs, 0.05)];
  } finally {
    await queue.stop({ timeoutMs: 5_000 });
    await receiver.close();
    await database.close();
  }
}
