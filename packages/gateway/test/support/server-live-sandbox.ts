import {
  createLogger,
  loadConfig,
  openJobQueue,
  openPgliteDatabase,
  type Config,
  type JobQueue,
} from "@peykarband/infrastructure";
import { expectLedgerBalanced } from "@peykarband/infrastructure/testing";
import { startCloudSimulators, startPaymentSimulators, type CloudSimulators } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdmin } from "../../src/cli/create-admin.command.ts";
import { stepUpSession } from "./step-up.ts";
import { openServerStatusBus } from "../../src/composition/compose-servers.ts";
import { composeWorker } from "../../src/composition/compose-worker.ts";
import { createApp, type App } from "../../src/composition/create-app.ts";
import { startObservedMetrics } from "../../src/composition/observed-metrics.ts";
import { createTestSdk, type TestSdkClient } from "./sdk-client.ts";

const PASSWORD = "correct horse battery";

export interface LiveSandbox {
  readonly app: App;
  readonly config: Config;
  /** The clouds the gateway and the worker both talk to. */
  readonly clouds: CloudSimulators;
  /** The job queue the gateway and the worker share. */
  readonly queue: JobQueue;
  /** The process's metrics (gateway and worker), as main.ts serves them. */
  readonly metricsUrl: string;
  /** A signed-up customer whose wallet an admin funded with `balance` rials. */
  customer(balance: string): Promise<{ client: TestSdkClient; id: string }>;
  close(): Promise<void>;
}

/**
 * The sandbox as `main.ts` runs it with ROLE=all: the gateway (createApp) and the worker
 * (composeWorker) in one process over one PGlite, sharing the job queue, the in-process status bus and the simulators.
 * Only the timings are shorter: provider actions, provider polling and job polling.
 */
export async function startLiveSandbox(options: { actionMs: number }): Promise<LiveSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), "pk-live-"));
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  });
  const logger = createLogger(config);
  const database = await openPgliteDatabase();
  const closers: (() => Promise<void>)[] = [
    async () => {
      try {
        await expectLedgerBalanced(database.db);
      } finally {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  ];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const paymentSimulators = await startPaymentSimulators();
    const clouds = await startCloudSimulators({ faults: { actionMs: options.actionMs } });
    closers.push(async () => {
      await Promise.all([paymentSimulators.close(), clouds.close()]);
    });
    const statusBus = await openServerStatusBus(config, logger);
    closers.push(() => statusBus.close());
    const jobQueue = await openJobQueue(database, {
      role: "worker",
      onError: (error) => logger.error("job queue error", { error: error.message }),
    });
    const observed = await startObservedMetrics(config, jobQueue, database);
    closers.push(() => observed.close());
    const shared = {
      paymentSimulators,
      cloudSimulators: clouds,
      statusBus,
      jobQueue,
      serverPolicy: { pollIntervalMs: 100, maxPollIntervalMs: 400 },
    };
    const app = await createApp(config, { database, ...shared, metrics: observed.metrics });
    closers.push(() => app.close());

    // Stopping the worker stops the shared queue; it goes before what its jobs use.
    const worker = await composeWorker({
      config,
      database,
      logger,
      queue: jobQueue,
      statusBus,
      overrides: shared,
      timing: { pollingIntervalSeconds: 0.5, serverJobConcurrency: 4 },
      metrics: observed.metrics,
    });
    closers.push(() => worker.stop());

    await createAdmin(config, { email: "root@example.com", password: PASSWORD }, database);
    const admin = createTestSdk(app.url);
    const { logIn } = await admin.LogIn({ input: { email: "root@example.com", password: PASSWORD } });
    await stepUpSession(app.url, logIn.session!.accessToken, PASSWORD);
    const clients: TestSdkClient[] = [admin];
    closers.push(async () => {
      await Promise.all(clients.map((client) => client.dispose()));
    });

    return {
      app,
      config,
      clouds,
      queue: jobQueue,
      metricsUrl: observed.server.url,
      async customer(balance) {
        const client = createTestSdk(app.url);
        clients.push(client);
        const { registerUser } = await client.RegisterUser({
          input: { email: `c-${randomUUID()}@example.com`, password: PASSWORD },
        });
        const id = registerUser.user!.id;
        const { adjustWallet } = await admin.AdjustWallet({
          input: { userId: id, amount: balance, reason: "test funds", idempotencyKey: randomUUID() },
        });
        if (adjustWallet.userErrors.length > 0) throw new Error(JSON.stringify(adjustWallet.userErrors));
        return { client, id };
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
