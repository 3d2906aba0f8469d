import type { Clock } from "@peykarband/application";
import type {
  Config,
  Database,
  JobQueue,
  ServerStatusPubSub,
  SessionEvictionBus,
} from "@peykarband/infrastructure";
import type { KavenegarSimulator } from "@peykarband/simulators";
import type { Logger } from "../logging/logger.ts";
import type { GatewayMetrics } from "../metrics/gateway-metrics.ts";
import { composeAccountAdapters } from "./compose-accounts.ts";
import { composeBilling } from "./compose-billing.ts";
import { composeNotifications } from "./compose-notifications.ts";
import { composeServers, type ServerOverrides } from "./compose-servers.ts";
import { composeWallet, type WalletOverrides } from "./compose-wallet.ts";
import { composeWebhooks, type WebhookOverrides } from "./compose-webhooks.ts";
import { startWorker, type Worker, type WorkerOptions } from "./start-worker.ts";

export interface WorkerOverrides extends WalletOverrides, ServerOverrides, WebhookOverrides {
  /** The clock behind the worker's jobs; tests move it (a webhook endpoint failing for a day). */
  readonly clock?: Clock;
  /** Sandbox mode: the in-process Kavenegar the notifications send SMS to. */
  readonly kavenegar?: KavenegarSimulator;
}

/**
 * The worker role on the app's (migrated) database: every job it runs, composed from the same
 * wallet, servers, billing and notifications as the gateway's. The caller opened the queue, the
 * status bus and the eviction bus and closes them after the worker stops; stopping the worker
 * stops the queue (which hands running jobs back) and then closes what the worker composed.
 */
export async function composeWorker(input: {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly queue: JobQueue;
  readonly statusBus: ServerStatusPubSub;
  /** Shared with the gateway of this process; without it, evictions stay inside the worker. */
  readonly sessionEvictions?: SessionEvictionBus;
  readonly overrides?: WorkerOverrides;
  /** Where job runs and the ledger check are counted; none: not counted. */
  readonly metrics?: GatewayMetrics;
  /** Tests poll more often and run fewer server jobs at once. */
  readonly timing?: Pick<
    WorkerOptions,
    "pollingIntervalSeconds" | "serverJobConcurrency" | "webhookJobConcurrency"
  >;
}): Promise<Worker> {
  const { config, database, logger, queue, statusBus, overrides = {} } = input;
  const accounts = composeAccountAdapters(database, config, {
    sessionCacheTtlMs: config.sessionCacheTtlMs,
    ...(input.sessionEvictions ? { sessionEvictions: input.sessionEvictions } : {}),
    clock: overrides.clock,
  });
  const wallet = await composeWallet(config, database, accounts, queue, overrides);
  try {
    const servers = await composeServers({
      config,
      database,
      accounts,
      queue,
      bus: statusBus,
      overrides,
      logger,
    });
    const { billing, invoices } = composeBilling({ config, database, accounts, queue });
    const notifications = composeNotifications({
      config,
      database,
      accounts,
      queue,
      publisher: statusBus,
      ...(overrides.kavenegar ? { kavenegar: overrides.kavenegar } : {}),
    });
    const { deliverWebhook } = await composeWebhooks({ config, database, accounts, queue, overrides });
    const worker = await startWorker({
      database,
      logger,
      queue,
      ...(input.metrics ? { metrics: input.metrics } : {}),
      handlers: {
        reconcilePendingPayments: wallet.useCases.reconcilePendingPayments,
        servers,
        settleUsage: billing.settleUsage,
        issueMonthlyInvoices: invoices.issueMonthlyInvoices,
        notifications,
        webhooks: { deliverWebhook },
      },
      ...input.timing,
    });
    return {
      ping: () => worker.ping(),
      async stop() {
        await worker.stop();
        await wallet.close();
      },
    };
  } catch (error) {
    await wallet.close();
    throw error;
  }
}
