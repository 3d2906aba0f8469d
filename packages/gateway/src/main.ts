import "reflect-metadata";
import {
  ConfigError,
  createAccountAdapters,
  createLogger,
  loadConfig,
  openDatabase,
  openJobQueue,
  type Config,
} from "@peykarband/infrastructure";
import { startCloudSimulators, startPaymentSimulators } from "@peykarband/simulators";
import { composeBilling } from "./composition/compose-billing.ts";

const pickJobs = ({ settleUsage, issueMonthlyInvoices }: ReturnType<typeof composeBilling>) => ({
  settleUsage,
  issueMonthlyInvoices,
});
import { composeServers, openServerStatusBus } from "./composition/compose-servers.ts";
import { composeWallet, type WalletComposition } from "./composition/compose-wallet.ts";
import { createApp, type App } from "./composition/create-app.ts";
import { JOBS, serveWorkerProbes, startWorker, type Worker } from "./composition/start-worker.ts";

function readConfig(): Config {
  try {
    const config = loadConfig(process.env);
    // The embedded database and the payment simulators live inside one process: splitting the
    // roles over processes would give each its own simulators and two writers to one PGlite.
    if (config.sandbox && config.role !== "all") {
      console.error(`ROLE=${config.role} needs DATABASE_URL; without it (sandbox mode) use ROLE=all.`);
      process.exit(1);
    }
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const config = readConfig();
const logger = createLogger(config);
const database = await openDatabase(config);
// Shared by the gateway and the worker of this process: reconciliation must ask the very payment
// simulators the browser paid on, the worker must provision on the clouds the gateway ordered
// from, and its status changes must reach the gateway's subscribers.
const paymentSimulators = config.sandbox ? await startPaymentSimulators() : undefined;
const cloudSimulators = config.sandbox ? await startCloudSimulators() : undefined;
const statusBus = await openServerStatusBus(config, logger);
// The gateway only enqueues (orders, operations); a worker also runs maintenance and schedules.
const jobQueue = await openJobQueue(database, {
  role: config.role === "gateway" ? "producer" : "worker",
  onError: (error) => logger.error("job queue error", { error: error.message }),
});
const shared = {
  ...(paymentSimulators ? { paymentSimulators } : {}),
  ...(cloudSimulators ? { cloudSimulators } : {}),
  statusBus,
  jobQueue,
};

let app: App | null = null;
let wallet: WalletComposition | null = null;
let worker: Worker | null = null;
let probes: { close(): Promise<void> } | null = null;

async function closeAll(): Promise<void> {
  // Running jobs finish while HTTP drains; what they use goes after.
  await Promise.all([worker?.stop() ?? jobQueue.stop({ timeoutMs: 1000 }), app?.close(), probes?.close()]);
  await wallet?.close();
  await statusBus.close();
  await Promise.all([paymentSimulators?.close(), cloudSimulators?.close()]);
  await database.close();
}

async function start() {
  if (config.role !== "worker") {
    app = await createApp(config, { database, ...shared });
    app.logger.info(
      config.sandbox
        ? `Peykarband API listening on ${app.url} in SANDBOX mode: embedded database, nothing real is charged`
        : `Peykarband API listening on ${app.url}`,
      { sandbox: config.sandbox, nodeEnv: config.nodeEnv },
    );
  }
  if (config.role === "gateway") return;

  if (!app) await database.migrate();
  const accounts = createAccountAdapters(database, config);
  wallet = await composeWallet(config, database, accounts, shared);
  const servers = await composeServers({
    config,
    database,
    accounts,
    queue: jobQueue,
    bus: statusBus,
    overrides: shared,
  });
  const jobs = await startWorker({
    database,
    logger,
    queue: jobQueue,
    handlers: {
      reconcilePendingPayments: wallet.useCases.reconcilePendingPayments,
      servers,
      ...pickJobs(composeBilling({ config, database, accounts, queue: jobQueue })),
    },
  });
  worker = jobs;
  // Alone, the worker still answers the kubelet; with the gateway, the gateway's probes do.
  const probeServer = app
    ? null
    : await serveWorkerProbes(config, { database: () => database.ping(), jobs: () => jobs.ping() });
  probes = probeServer;
  logger.info("Peykarband worker started", {
    jobs: Object.values(JOBS).map(({ name, cron }) => `${name} (${cron})`),
    ...(probeServer ? { probes: probeServer.url } : {}),
  });
}

await start().catch(async (error: unknown) => {
  await closeAll().catch(() => undefined);
  throw error;
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining and shutting down`);
    closeAll().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", { error: error instanceof Error ? error.stack : String(error) });
        process.exit(1);
      },
    );
  });
}
