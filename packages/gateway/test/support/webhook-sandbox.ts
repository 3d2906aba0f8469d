import {
  createLogger,
  loadConfig,
  openJobQueue,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import { FixedClock } from "@peykarband/infrastructure/testing";
import { startCloudSimulators, startPaymentSimulators } from "@peykarband/simulators";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdmin } from "../../src/cli/create-admin.command.ts";
import { stepUpSession } from "./step-up.ts";
import { openServerStatusBus } from "../../src/composition/compose-servers.ts";
import { composeWorker } from "../../src/composition/compose-worker.ts";
import { createApp, type App } from "../../src/composition/create-app.ts";
import { createTestSdk, type TestSdkClient } from "./sdk-client.ts";

export interface WebhookSandbox {
  readonly app: App;
  /** The clock of the gateway and the worker; it starts at the real time, so signatures verify. */
  readonly clock: FixedClock;
  readonly admin: TestSdkClient;
  /** The queue the gateway and the worker share: repositories a test drives write their jobs on it. */
  readonly jobQueue: JobQueue;
  close(): Promise<void>;
}

/**
 * The gateway and the worker in one process over `database`, as main.ts runs the sandbox, with one
 * clock the test moves, short provider actions, and webhook retries one second apart.
 */
export async function startWebhookSandbox(database: Database, password: string): Promise<WebhookSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), "pk-webhooks-"));
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  });
  const logger = createLogger(config);
  const clock = new FixedClock(new Date());
  const closers: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const paymentSimulators = await startPaymentSimulators();
    const clouds = await startCloudSimulators({ faults: { actionMs: 100 } });
    closers.push(async () => {
      await Promise.all([paymentSimulators.close(), clouds.close()]);
    });
    const statusBus = await openServerStatusBus(config, logger);
    closers.push(() => statusBus.close());
    const jobQueue = await openJobQueue(database, {
      role: "worker",
      onError: (error) => logger.error("job queue error", { error: error.message }),
    });
    const shared = {
      paymentSimulators,
      cloudSimulators: clouds,
      statusBus,
      jobQueue,
      clock,
      serverPolicy: { pollIntervalMs: 100, maxPollIntervalMs: 400 },
      webhookRetryDelaysSeconds: [1],
    };
    const app = await createApp(config, { database, ...shared });
    closers.push(() => app.close());
    const worker = await composeWorker({
      config,
      database,
      logger,
      queue: jobQueue,
      statusBus,
      overrides: shared,
      timing: { pollingIntervalSeconds: 0.5, serverJobConcurrency: 4 },
    });
    closers.push(() => worker.stop());
    // A start slowed by a loaded machine must not leave the clock behind the step-up's TOTP codes.
    clock.advance((Date.now() - clock.now().getTime()) / 1000);
    await createAdmin(config, { email: "root@example.com", password }, database);
    const admin = createTestSdk(app.url);
    const { logIn } = await admin.LogIn({ input: { email: "root@example.com", password } });
    await stepUpSession(app.url, logIn.session!.accessToken, password);
    closers.push(() => admin.dispose());
    return { app, clock, admin, jobQueue, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
