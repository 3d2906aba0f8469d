/**
 * One life of the worker in the provisioning crash test (server-crash.e2e.test.ts): the worker role
 * as main.ts composes it (composeServers + startWorker on the deployment's PostgreSQL, the real cloud
 * adapters pointed by the environment at the test's simulators), with the short timings a crash test
 * needs: a killed life's server jobs are taken over once their lease of CRASH_LEASE_SECONDS lapses
 * (the production lease, SERVER_JOB_LEASE_SECONDS, when unset), maintenance runs every second.
 * The test SIGKILLs it at a random moment; the last life gets SIGTERM and drains like a pod.
 *
 * Run as `node --import tsx server-crash.child.ts` with the deployment's environment (DATABASE_URL,
 * JWT_SIGNING_KEYS, SECRET_BOX_KEY, the DIGITALOCEAN_/HETZNER_/OVH_ variables) plus
 * CRASH_CONCURRENCY and optionally CRASH_LEASE_SECONDS. Prints `READY <pid>` once it works the queues.
 */
import { createLogger, loadConfig, openJobQueue, openPostgresDatabase } from "@peykarband/infrastructure";
import { writeSync } from "node:fs";
import { composeAccountAdapters } from "../../src/composition/compose-accounts.ts";
import { composeServers, openServerStatusBus } from "../../src/composition/compose-servers.ts";
import { composeWallet } from "../../src/composition/compose-wallet.ts";
import { startWorker } from "../../src/composition/start-worker.ts";

const number = (name: string): number => {
  const value = Number(process.env[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const leaseSeconds =
  process.env["CRASH_LEASE_SECONDS"] === undefined ? undefined : number("CRASH_LEASE_SECONDS");
const concurrency = number("CRASH_CONCURRENCY");
const config = loadConfig(process.env);
if (!config.databaseUrl) throw new Error("DATABASE_URL is required");
const logger = createLogger(config);
const database = await openPostgresDatabase(config.databaseUrl, { maxConnections: 8 });
const queue = await openJobQueue(database, {
  onError: (error) => logger.error("job queue error", { error: error.message }),
  maintenanceIntervalSeconds: 1,
  cronIntervalSeconds: 1,
});
const bus = await openServerStatusBus(config, logger);
const accounts = composeAccountAdapters(database, config);
const wallet = await composeWallet(config, database, accounts, queue);
const servers = await composeServers({
  config,
  database,
  accounts,
  queue,
  bus,
  overrides: {
    serverPolicy: { pollIntervalMs: 150, maxPollIntervalMs: 600 },
    cloudTiming: { retryDelayMs: 100 },
  },
});
const worker = await startWorker({
  database,
  logger,
  queue,
  handlers: { reconcilePendingPayments: wallet.useCases.reconcilePendingPayments, servers },
  pollingIntervalSeconds: 0.5,
  serverJobConcurrency: concurrency,
  ...(leaseSeconds === undefined ? {} : { serverJobLeaseSeconds: leaseSeconds }),
});
writeSync(1, `READY ${process.pid}\n`);

process.once("SIGTERM", () => {
  void (async () => {
    await worker.stop();
    await bus.close();
    await database.close();
    process.exit(0);
  })();
});
