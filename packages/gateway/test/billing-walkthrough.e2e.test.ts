/**
 * The billing walk-through of docs/billing.md ("Try it"), automated on the embedded default: PGlite,
 * the cloud and payment simulators, the gateway and the worker in one process. The app's clock is
 * a FixedClock the test moves, so a minute of usage and a day of grace take no time; dunning runs
 * when the test says (the worker's five-minute schedule is not waited for).
 */
import {
  createLogger,
  loadConfig,
  openJobQueue,
  openPgliteDatabase,
  type Database,
} from "@peykarband/infrastructure";
import { expectLedgerBalanced, FixedClock } from "@peykarband/infrastructure/testing";
import { startCloudSimulators, startPaymentSimulators } from "@peykarband/simulators";
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { composeAccountAdapters } from "../src/composition/compose-accounts.ts";
import { composeNotifications } from "../src/composition/compose-notifications.ts";
import { composeServers, openServerStatusBus } from "../src/composition/compose-servers.ts";
import { composeWallet } from "../src/composition/compose-wallet.ts";
import { createApp, type App } from "../src/composition/create-app.ts";
import { startWorker } from "../src/composition/start-worker.ts";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { decideOnGatewayPage, sendCallback } from "./support/wallet-app.ts";

const PASSWORD = "correct horse battery";
const HOUR_S = 3600;
const JOB = { requestId: "walkthrough", ip: "127.0.0.1", userAgent: "vitest", viewer: null };
const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;

describe("the billing walk-through on the embedded default", () => {
  const clock = new FixedClock(new Date());
  const dataDir = mkdtempSync(join(tmpdir(), "pk-walkthrough-"));
  const closers: (() => Promise<void>)[] = [];
  let database: Database;
  let app: App;
  let runDunning: () => Promise<unknown>;

  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    });
    expect(config.sandbox).toBe(true);
    const logger = createLogger(config);
    database = await openPgliteDatabase();
    closers.push(() => database.close());
    const paymentSimulators = await startPaymentSimulators();
    const clouds = await startCloudSimulators({ faults: { actionMs: 50 } });
    closers.push(() => Promise.all([paymentSimulators.close(), clouds.close()]).then(() => undefined));
    const statusBus = await openServerStatusBus(config, logger);
    closers.push(() => statusBus.close());
    const jobQueue = await openJobQueue(database, { role: "worker", onError: () => undefined });
    const shared = {
      paymentSimulators,
      cloudSimulators: clouds,
      statusBus,
      jobQueue,
      clock,
      serverPolicy: { pollIntervalMs: 100, maxPollIntervalMs: 400 },
    };
    app = await createApp(config, { database, ...shared });
    closers.push(() => app.close());
    // The worker's side, on the same clock: server jobs, and dunning when the test runs it.
    const accounts = composeAccountAdapters(database, config, { clock });
    const wallet = await composeWallet(config, database, accounts, jobQueue, shared);
    closers.push(() => wallet.close());
    const servers = await composeServers({
      config,
      database,
      accounts,
      queue: jobQueue,
      bus: statusBus,
      overrides: shared,
    });
    const notifications = composeNotifications({
      config,
      database,
      accounts,
      queue: jobQueue,
      publisher: statusBus,
    });
    const worker = await startWorker({
      database,
      logger,
      queue: jobQueue,
      handlers: {
        reconcilePendingPayments: wallet.useCases.reconcilePendingPayments,
        servers,
        notifications,
      },
      pollingIntervalSeconds: 0.5,
      serverJobConcurrency: 4,
    });
    closers.push(() => worker.stop());
    runDunning = () => notifications.runDunning(JOB);
  }, 120_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Pays `amount` rials through Zarinpal's simulator, as the customer's browser would. */
  const topUp = async (client: TestSdkClient, amount: bigint) => {
    const { startTopUp } = await client.StartTopUp({
      input: { amount: amount.toString(), gateway: "ZARINPAL", idempotencyKey: randomUUID() },
    });
    expect(startTopUp.userErrors).toEqual([]);
    const returned = await sendCallback(await decideOnGatewayPage(startTopUp.redirectUrl!, "pay"));
    expect(returned.result.get("status")).toBe("PAID");
  };
  const serverOf = async (client: TestSdkClient, id: string) => (await client.Server({ id })).server!;
  /** Waits for the worker and the cloud simulator to finish what the server is doing. */
  const settled = (client: TestSdkClient, id: string, status: string) =>
    vi.waitFor(
      async () => expect(await serverOf(client, id)).toMatchObject({ status, pendingOperation: null }),
      { timeout: 60_000, interval: 200 },
    );

  it("sign up, top up, order, usage, runway, the invoice PDF, notice, grace, suspension, top-up, resumption, the outbox", async () => {
    const client = createTestSdk(app.url);
    closers.push(() => client.dispose());
    const email = `walk-${randomUUID()}@example.com`;
    await client.RegisterUser({ input: { email, password: PASSWORD } });

    const plan = (await client.Plans({ regionId: "hz-fsn1" })).plans.find((p) => p.id === "hz-cx22")!;
    const hourly = BigInt(plan.hourlyPrice);
    // The prepaid first hour and about two more, VAT included.
    await topUp(client, hourly * 3n + 10_000n);

    const { orderServer } = await client.OrderServer({
      input: {
        name: "walk-1",
        planId: plan.id,
        regionId: "hz-fsn1",
        imageId: "ubuntu-24.04",
        idempotencyKey: randomUUID(),
      },
    });
    expect(orderServer.userErrors).toEqual([]);
    const serverId = orderServer.server!.id;
    await settled(client, serverId, "ACTIVE");

    clock.advance(60);
    const usage = (await client.ServerUsage({ id: serverId })).server!.usage;
    expect(BigInt(usage.accruedRials)).toBeGreaterThan(0n);
    const { wallet } = (await client.Wallet()).viewer!;
    expect(wallet.runsOutAt).not.toBeNull();
    const runsOutAt = new Date(wallet.runsOutAt!);

    // The month so far as a PDF, in Persian.
    const upcoming = (await client.UpcomingInvoice()).viewer!.upcomingInvoice!;
    const pdfUrl = new URL(upcoming.pdfUrl);
    pdfUrl.host = new URL(app.url).host;
    const pdf = await fetch(pdfUrl);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    if (hasPdftotext) {
      const file = join(dataDir, "upcoming.pdf");
      writeFileSync(file, bytes);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain("صورتحساب");
      expect(text).toContain("ریال");
    } else {
      console.error(
        "skipped: pdftotext (poppler-utils) is not installed, so the PDF's Persian text is not checked.",
      );
    }

    // Runs out within 72 h: the notice. Then it runs out: the grace. A day later: suspended.
    await runDunning();
    clock.advance(Math.ceil((runsOutAt.getTime() - clock.now().getTime()) / 1000) + 60);
    await runDunning();
    expect((await serverOf(client, serverId)).status).toBe("ACTIVE");
    clock.advance(24 * HOUR_S);
    await runDunning();
    await settled(client, serverId, "SUSPENDED");

    // A top-up that clears the debt (and more): the next run powers the server on again.
    const debt = -BigInt((await client.Wallet()).viewer!.wallet.balance);
    await topUp(client, (debt > 0n ? debt : 0n) + hourly * 100n);
    await runDunning();
    await settled(client, serverId, "ACTIVE");
    await runDunning();

    // The sandbox outbox shows the notices, in Persian.
    const outbox = await (await fetch(new URL("/sandbox/outbox", app.url))).text();
    for (const subject of [
      "موجودی کیف پول شما رو به پایان است",
      "موجودی کیف پول شما تمام شده است",
      "سرورهای شما دوباره روشن می‌شوند",
    ]) {
      expect(outbox).toContain(subject);
    }
    expect(outbox.split(email).length - 1).toBe(4);
    await expectLedgerBalanced(database.db);
  }, 180_000);
});
