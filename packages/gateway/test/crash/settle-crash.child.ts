/**
 * One life of the worker in the settlement crash test (settle-crash.e2e.test.ts): the worker role as
 * main.ts composes it on the deployment's PostgreSQL, running only the periodic jobs, with the
 * billing use cases on a clock fixed at CRASH_SETTLE_AT (so the test knows every instant a
 * settlement can post up to) and a billing repository that reports around each settlement:
 * `SETTLING` before its transaction, `SETTLED <postings>` once it committed. A killed life's
 * settlement job is retried once CRASH_EXPIRE_SECONDS pass; maintenance runs every second.
 *
 * It prints `LOADED` once composed, waits for a `WORK` line on stdin (so the test can start the
 * next life while this one works), then prints `READY <pid>` once it works the queues.
 */
import { createBillingUseCases } from "@peykarband/application";
import {
  createLogger,
  DrizzleBillingRepository,
  DrizzleServerRepository,
  DrizzleWalletLedger,
  loadConfig,
  openJobQueue,
  openPostgresDatabase,
} from "@peykarband/infrastructure";
import { writeSync } from "node:fs";
import { createInterface } from "node:readline";
import { composeAccountAdapters, composeAccounts } from "../../src/composition/compose-accounts.ts";
import { composeWallet } from "../../src/composition/compose-wallet.ts";
import { startWorker } from "../../src/composition/start-worker.ts";

const settleAt = new Date(process.env["CRASH_SETTLE_AT"] ?? "");
if (Number.isNaN(settleAt.getTime())) throw new Error("CRASH_SETTLE_AT must be an ISO instant");
const expireSeconds = Number(process.env["CRASH_EXPIRE_SECONDS"]);
if (!(expireSeconds > 0)) throw new Error("CRASH_EXPIRE_SECONDS must be a positive number");

const config = loadConfig(process.env);
if (!config.databaseUrl) throw new Error("DATABASE_URL is required");
const logger = createLogger(config);
const database = await openPostgresDatabase(config.databaseUrl, { maxConnections: 4 });
const accounts = composeAccountAdapters(database, config);
const queue = await openJobQueue(database, {
  onError: (error) => logger.error("job queue error", { error: error.message }),
  maintenanceIntervalSeconds: 1,
  cronIntervalSeconds: 1,
});
const wallet = await composeWallet(config, database, accounts, queue);

const repository = new DrizzleBillingRepository(database.db, config.vatRateBasisPoints);
const billing = createBillingUseCases({
  billing: {
    settle: async (until, serverIds) => {
      writeSync(1, "SETTLING\n");
      const postings = await repository.settle(until, serverIds);
      writeSync(1, `SETTLED ${postings}\n`);
      return postings;
    },
    meters: (serverIds) => repository.meters(serverIds),
    openMeters: (userId) => repository.openMeters(userId),
  },
  servers: new DrizzleServerRepository(database.db, queue, config.vatRateBasisPoints),
  ledger: DrizzleWalletLedger.on(database),
  users: accounts.users,
  audit: accounts.audit,
  stepUp: composeAccounts(accounts, config).stepUp,
  clock: { now: () => new Date(settleAt) },
  ids: accounts.ids,
  vatRate: config.vatRateBasisPoints,
});

writeSync(1, "LOADED\n");
const stdin = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => stdin.on("line", (line) => line === "WORK" && resolve()));

const worker = await startWorker({
  database,
  logger,
  queue,
  handlers: {
    reconcilePendingPayments: wallet.useCases.reconcilePendingPayments,
    settleUsage: billing.settleUsage,
  },
  pollingIntervalSeconds: 0.5,
  periodicJobExpireSeconds: expireSeconds,
});
writeSync(1, `READY ${process.pid}\n`);

process.once("SIGTERM", () => {
  void (async () => {
    stdin.close();
    await worker.stop();
    await database.close();
    process.exit(0);
  })();
});
