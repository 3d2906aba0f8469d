import "reflect-metadata";
import {
  ConfigError,
  createLogger,
  DirectoryInUseError,
  loadConfig,
  openDatabase,
  openJobQueue,
  openSessionEvictionBus,
  startTracing,
  type Config,
} from "@peykarband/infrastructure";
import { activeServices, describeActiveServices } from "./composition/active-services.ts";
import { openServerStatusBus } from "./composition/compose-servers.ts";
import { composeWorker } from "./composition/compose-worker.ts";
import { createApp, type App } from "./composition/create-app.ts";
import { startObservedMetrics } from "./composition/observed-metrics.ts";
import { openOperatorSocket } from "./composition/open-operator-socket.ts";
import { JOBS, serveWorkerProbes, type Worker } from "./composition/start-worker.ts";
import { APP_VERSION } from "./composition/app-version.ts";
import { startErrorReporting } from "./telemetry/error-reporting.ts";

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
// Before anything whose calls are traced is opened; without OTEL_EXPORTER_OTLP_ENDPOINT, nothing is loaded.
const tracing = await startTracing({
  endpoint: config.otlpEndpoint,
  serviceName: "peykarband",
  serviceVersion: APP_VERSION,
  deploymentName: config.deploymentName,
  role: config.role,
});
const logger = createLogger(config);
const errorReporting = await startErrorReporting({
  dsn: config.sentryDsn,
  environment: config.deploymentName,
  release: APP_VERSION,
});
const database = await openDatabase(config, { log: (message) => logger.info(message) }).catch(
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    if (!(error instanceof DirectoryInUseError)) throw error;
    console.error(
      `Cannot start: the embedded database in ${config.dataDir} is open in another Peykarband process ` +
        `(pid ${error.owner.pid}, since ${error.owner.since}), and only one process at a time may open it. ` +
        `Stop that process first, or give this one another DATA_DIR. To create an administrator while it ` +
        `runs, use "npx -y pnpm@12.21.0 cli create-admin --email <address>": it hands the request to the running process.`,
    );
    process.exit(1);
  },
);
// Shared by the gateway and the worker of this process: reconciliation must ask the very payment
// simulators the browser paid on, the worker must provision on the clouds the gateway ordered
// from, and its status changes must reach the gateway's subscribers.
// Loaded in sandbox mode only: a server on real providers never loads the simulators.
const simulators = config.sandbox ? await import("@peykarband/simulators") : undefined;
const paymentSimulators = await simulators?.startPaymentSimulators();
const cloudSimulators = await simulators?.startCloudSimulators();
const kavenegar = await simulators?.startKavenegarSimulator();
const statusBus = await openServerStatusBus(config, logger);
// The worker's account adapters evict through the same bus as the gateway's.
const sessionEvictions = await openSessionEvictionBus({
  redisUrl: config.redisUrl,
  deployment: config.deploymentName,
  onError: (error) => logger.error("session eviction bus error", { error: error.message }),
});
// The gateway only enqueues (orders, operations); a worker also runs maintenance and schedules.
const jobQueue = await openJobQueue(database, {
  role: config.role === "gateway" ? "producer" : "worker",
  onError: (error) => logger.error("job queue error", { error: error.message }),
});
// One registry and one metrics port for the whole process, whatever its role.
const observed = await startObservedMetrics(config, jobQueue, database);
logger.info(`Metrics served on ${observed.server.url}`);
const shared = {
  ...(paymentSimulators ? { paymentSimulators } : {}),
  ...(cloudSimulators ? { cloudSimulators } : {}),
  ...(kavenegar ? { kavenegar } : {}),
  statusBus,
  sessionEvictions,
  jobQueue,
};

let app: App | null = null;
let worker: Worker | null = null;
let probes: { close(): Promise<void> } | null = null;
let operatorSocket: { close(): Promise<void> } | null = null;

async function closeAll(): Promise<void> {
  // Running jobs finish while HTTP drains; what they use goes after.
  await Promise.all([
    worker?.stop() ?? jobQueue.stop({ timeoutMs: 1000 }),
    app?.close(),
    probes?.close(),
    operatorSocket?.close(),
  ]);
  await observed.close();
  await statusBus.close();
  await sessionEvictions.close();
  await Promise.all([paymentSimulators?.close(), cloudSimulators?.close(), kavenegar?.close()]);
  await database.close();
  await errorReporting.close();
  await tracing.shutdown();
}

async function start() {
  if (config.role !== "worker") {
    app = await createApp(config, { database, ...shared, metrics: observed.metrics });
    app.logger.info(
      config.sandbox
        ? `Peykarband API listening on ${app.url} in SANDBOX mode: embedded database, nothing real is charged`
        : `Peykarband API listening on ${app.url}`,
      { sandbox: config.sandbox, nodeEnv: config.nodeEnv },
    );
  }
  const services = activeServices(config);
  logger.info(describeActiveServices(services), { ...services });
  if (config.role === "gateway") return;

  if (!app) await database.migrate();
  const jobs = await composeWorker({
    config,
    database,
    logger,
    queue: jobQueue,
    statusBus,
    sessionEvictions,
    overrides: shared,
    metrics: observed.metrics,
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
  if (database.kind === "pglite") {
    const socket = await openOperatorSocket(config, database, logger);
    operatorSocket = socket;
    if (socket)
      logger.info(`Operator commands (npx -y pnpm@12.21.0 cli create-admin) are taken at ${socket.path}`);
  }
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
