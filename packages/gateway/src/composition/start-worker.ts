import {
  defaultAccountPolicy,
  NOTIFICATION_JOB_NAME,
  WEBHOOK_JOB_NAME,
  type BillingUseCases,
  type NotificationJobData,
  type InvoiceUseCases,
  type ServerJobData,
  type ServerUseCases,
  type ReconcilePendingPaymentsInput,
  type ReconciliationReport,
  type RequestContext,
  type WebhookJobData,
  type WebhookUseCases,
} from "@peykarband/application";
import {
  checkLedger,
  DrizzleAccountCleanup,
  openJobQueue,
  type Config,
  type Database,
  type JobQueue,
  type QueueOptions,
} from "@peykarband/infrastructure";
import express from "express";
import { createServer } from "node:http";
import { PROBE_PATHS, probeRoutes, type ReadinessCheck } from "../http/probe.routes.ts";
import { failureFields } from "../logging/failure-fields.ts";
import type { Logger } from "../logging/logger.ts";
import type { GatewayMetrics } from "../metrics/gateway-metrics.ts";
import { reportError } from "../telemetry/error-reporting.ts";
import type { NotificationComposition } from "./compose-notifications.ts";
import { createServerQueues, SERVER_JOB_LEASE_SECONDS, SERVER_QUEUES } from "./compose-servers.ts";
import { WEBHOOK_JOB_LEASE_SECONDS, WEBHOOK_QUEUE } from "./compose-webhooks.ts";

/**
 * A periodic sweep: one run at a time in the whole installation (stately), and a run killed with
 * its worker is failed after 15 minutes and retried.
 */
const SWEEP: QueueOptions = { policy: "stately", expireInSeconds: 15 * 60, retryLimit: 2 };

/** What the worker runs and when (cron, UTC). */
export const JOBS = {
  reconcilePayments: { name: "payments.reconcile", cron: "* * * * *" },
  settleUsage: { name: "billing.settle", cron: "0 * * * *" },
  // Daily at 21:05 UTC (00:35 in Tehran, after any Jalali month's first midnight): issues the last
  // ended month's invoices not issued yet, so a month is invoiced on its next day's first run and
  // a missed or failed run is made good by the next. Invoices are unique per customer and month.
  issueInvoices: { name: "billing.invoices", cron: "5 21 * * *" },
  // Off the hour, where hourly billing runs.
  cleanupAccounts: { name: "accounts.cleanup", cron: "17 * * * *" },
  sweepOrphanServers: { name: "servers.sweep", cron: "*/10 * * * *" },
  runDunning: { name: "billing.dunning", cron: "*/5 * * * *" },
  // Reads the whole ledger: hourly, away from settlement on the hour.
  checkLedger: { name: "wallet.ledger-check", cron: "40 * * * *" },
} as const;

/**
 * One message per job. A provider that is down is tried again for about a day (backoff from a
 * minute); a refusal ends the job at once (deliverNotification keeps the reason on the row).
 */
const NOTIFICATION_QUEUE: QueueOptions = {
  policy: "standard",
  expireInSeconds: 5 * 60,
  retryLimit: 10,
  retryDelaySeconds: 60,
  retryBackoff: true,
};

/** Server jobs handled at once per queue and process: they mostly wait on the provider. */
const SERVER_JOB_CONCURRENCY = 50;

/** Webhook attempts handled at once per process: each mostly waits on the receiver, for up to 10 s. */
const WEBHOOK_JOB_CONCURRENCY = 25;

/** Below Kubernetes' default 30 s grace period (the chart gives the worker 60 s). */
const STOP_TIMEOUT_MS = 25_000;

/** The server jobs: queued by orders and operations (SERVER_QUEUES), and the periodic orphan sweep. */
type ServerJobHandlers = Pick<ServerUseCases, "runServerJob" | "sweepOrphanServers">;

interface WorkerHandlers {
  /** Absent: this worker leaves server jobs to others (tests of the payment jobs). */
  readonly servers?: ServerJobHandlers;
  /** The hourly settlement of metered usage; absent: this worker leaves it to others (tests of other jobs). */
  readonly settleUsage?: BillingUseCases["settleUsage"];
  /** Dunning and the outbox; absent: this worker leaves them to others (tests of other jobs). */
  readonly notifications?: Pick<NotificationComposition, "runDunning" | "deliverNotification">;
  /** Webhook attempts; absent: this worker leaves them to others (tests of other jobs). */
  readonly webhooks?: Pick<WebhookUseCases, "deliverWebhook">;
  /** The monthly invoices (run daily, idempotent); absent: this worker leaves them to others. */
  readonly issueMonthlyInvoices?: InvoiceUseCases["issueMonthlyInvoices"];
  /** `WalletUseCases.reconcilePendingPayments`, from the same wallet composition the gateway uses. */
  readonly reconcilePendingPayments: (
    input: ReconcilePendingPaymentsInput,
    ctx: RequestContext,
  ) => Promise<ReconciliationReport>;
}

export interface WorkerOptions {
  readonly database: Database;
  readonly logger: Logger;
  readonly handlers: WorkerHandlers;
  /** How long an idle worker waits before looking for jobs again; tests shorten it. */
  readonly pollingIntervalSeconds?: number;
  /** How often schedules are checked; tests shorten it. */
  readonly cronIntervalSeconds?: number;
  /** How often pg-boss's maintenance expires jobs of the periodic queues; crash tests shorten it. */
  readonly maintenanceIntervalSeconds?: number;
  /**
   * A queue the caller opened (to enqueue on it too); the worker still stops it, since stopping is
   * what hands running jobs back. By default the worker opens its own.
   */
  readonly queue?: JobQueue;
  /** Server jobs run side by side per queue in this process. */
  readonly serverJobConcurrency?: number;
  /** Webhook attempts run side by side in this process. */
  readonly webhookJobConcurrency?: number;
  /** The lease of server jobs (SERVER_JOB_LEASE_SECONDS); tests of dying workers shorten it. */
  readonly serverJobLeaseSeconds?: number;
  /**
   * How long a periodic job's run (the hourly settlement, the sweeps) counts as running before it
   * is failed and retried: 15 minutes. Tests that kill workers mid-run shorten it.
   */
  readonly periodicJobExpireSeconds?: number;
  /** Where job runs and the ledger check are counted; none: not counted (tests of other things). */
  readonly metrics?: GatewayMetrics;
}

export interface Worker {
  /** Throws when the queue does not answer or is stopping. */
  ping(): Promise<void>;
  /** Lets running jobs finish (up to 25 s; the rest are retried elsewhere). Leaves the database open. */
  stop(): Promise<void>;
}

/** Jobs run as the system: no viewer, and the job id as request id so its audit rows trace back. */
const systemContext = (jobId: string): RequestContext => ({
  requestId: `job:${jobId}`,
  ip: null,
  userAgent: null,
  viewer: null,
});

/**
 * The worker role: registers the schedules (idempotent, so every replica does it at start) and works
 * the queues. pg-boss hands each job to one worker, so any number of replicas may run this.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { database, logger, handlers, metrics } = options;
  const queue =
    options.queue ??
    (await openJobQueue(database, {
      onError: (error) => logger.error("job queue error", { error: error.message }),
      ...(options.cronIntervalSeconds === undefined
        ? {}
        : { cronIntervalSeconds: options.cronIntervalSeconds }),
      ...(options.maintenanceIntervalSeconds === undefined
        ? {}
        : { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }),
    }));
  const cleanup = new DrizzleAccountCleanup(database.db);
  const jobs: { name: string; cron: string; run: (ctx: RequestContext) => Promise<object> }[] = [
    { ...JOBS.reconcilePayments, run: (ctx) => handlers.reconcilePendingPayments({}, ctx) },
    {
      ...JOBS.cleanupAccounts,
      run: () => cleanup.deleteExpired({ attemptWindowSeconds: defaultAccountPolicy.attemptWindowSeconds }),
    },
    {
      ...JOBS.checkLedger,
      async run() {
        const problems = await checkLedger(database.db);
        metrics?.ledgerChecked(problems.length, Date.now() / 1000);
        // Retrying would find the same: the run succeeds, and the metric and this line wake someone.
        if (problems.length > 0) logger.error("ledger out of balance", { problems: problems.slice(0, 20) });
        return { problems: problems.length };
      },
    },
  ];

  const logged = async (name: string, jobId: string, run: () => Promise<object>): Promise<void> => {
    const started = performance.now();
    const line = () => ({ job: name, jobId, durationMs: Math.round(performance.now() - started) });
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const result = await run();
      metrics?.jobFinished(name, "ok", seconds());
      logger.info("job done", { ...line(), outcome: "ok", result });
    } catch (error) {
      metrics?.jobFinished(name, "failed", seconds());
      logger.error("job failed", { ...line(), outcome: "failed", ...failureFields(error) });
      reportError(error, { job: name, jobId });
      throw error;
    }
  };
  const settle = handlers.settleUsage;
  if (settle) jobs.push({ ...JOBS.settleUsage, run: () => settle() });
  const issueInvoices = handlers.issueMonthlyInvoices;
  if (issueInvoices) jobs.push({ ...JOBS.issueInvoices, run: () => issueInvoices() });
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const servers = handlers.servers;
  if (servers) {
    jobs.push({ ...JOBS.sweepOrphanServers, run: (ctx) => servers.sweepOrphanServers(ctx) });
  }

  const notifications = handlers.notifications;
  if (notifications) jobs.push({ ...JOBS.runDunning, run: (ctx) => notifications.runDunning(ctx) });

  const periodic: QueueOptions = {
    ...SWEEP,
    expireInSeconds: options.periodicJobExpireSeconds ?? SWEEP.expireInSeconds,
  };
  try {
    for (const { name, cron, run } of jobs) {
      await queue.createQueue(name, periodic);
      await queue.schedule(name, cron);
      await queue.work(name, (job) => logged(name, job.id, () => run(systemContext(job.id))), polling);
    }
    if (servers) {
      await createServerQueues(queue);
      for (const { name } of Object.values(SERVER_QUEUES)) {
        // Each job mostly waits on its provider, for up to minutes: many run side by side, each
        // slot refilled as soon as it frees.
        queue.workConcurrently<ServerJobData>(
          name,
          (job) =>
            logged(name, job.id, () =>
              servers.runServerJob(
                {
                  ...job.data,
                  isLastAttempt: job.retryCount >= job.retryLimit,
                  holdsLease: () => job.holdsLease(),
                },
                systemContext(job.id),
              ),
            ),
          {
            concurrency: options.serverJobConcurrency ?? SERVER_JOB_CONCURRENCY,
            leaseSeconds: options.serverJobLeaseSeconds ?? SERVER_JOB_LEASE_SECONDS,
            // An order waits at most this long for a worker to pick it up.
            pollingIntervalSeconds: Math.min(polling.pollingIntervalSeconds, 1),
          },
        );
      }
    }
    if (notifications) {
      await queue.createQueue(NOTIFICATION_JOB_NAME, NOTIFICATION_QUEUE);
      await queue.work<NotificationJobData>(
        NOTIFICATION_JOB_NAME,
        (job) => logged(NOTIFICATION_JOB_NAME, job.id, () => notifications.deliverNotification(job.data)),
        polling,
      );
    }
    const webhooks = handlers.webhooks;
    if (webhooks) {
      await queue.createQueue(WEBHOOK_JOB_NAME, WEBHOOK_QUEUE);
      queue.workConcurrently<WebhookJobData>(
        WEBHOOK_JOB_NAME,
        (job) => logged(WEBHOOK_JOB_NAME, job.id, () => webhooks.deliverWebhook(job.data)),
        {
          concurrency: options.webhookJobConcurrency ?? WEBHOOK_JOB_CONCURRENCY,
          leaseSeconds: WEBHOOK_JOB_LEASE_SECONDS,
          pollingIntervalSeconds: Math.min(polling.pollingIntervalSeconds, 1),
        },
      );
    }
  } catch (error) {
    if (!options.queue) await queue.stop({ timeoutMs: 1000 });
    throw error;
  }

  return {
    ping: () => queue.ping(),
    stop: () => queue.stop({ timeoutMs: STOP_TIMEOUT_MS }),
  };
}

/**
 * The worker role's only HTTP on PORT: `/healthz` and `/readyz` for the kubelet. No GraphQL, no
 * callbacks; its metrics are on METRICS_PORT.
 */
export async function serveWorkerProbes(
  config: Pick<Config, "host" | "port">,
  checks: Readonly<Record<string, ReadinessCheck>>,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const app = express();
  app.disable("x-powered-by");
  app.get(PROBE_PATHS, probeRoutes(checks));
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  return {
    url: `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
