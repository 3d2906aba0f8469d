import { createWebhookUseCases, WEBHOOK_JOB_NAME, type WebhookUseCases } from "@peykarband/application";
import {
  DrizzleWebhookRepository,
  GotWebhookSender,
  HmacWebhookSigner,
  type Config,
  type Database,
  type JobQueue,
  type QueueOptions,
} from "@peykarband/infrastructure";
import type { AccountAdapters } from "./compose-accounts.ts";

/**
 * One attempt per job; the retry schedule writes the next attempt as a new job. These retries are
 * for a worker that died or a database that failed mid-attempt, not for the endpoint's answers.
 */
export const WEBHOOK_QUEUE: QueueOptions = {
  policy: "standard",
  expireInSeconds: 60,
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
};

/** How long a webhook attempt may hold its job without renewing the lease: above the POST's timeout. */
export const WEBHOOK_JOB_LEASE_SECONDS = 30;

export interface WebhookOverrides {
  /** Seconds between attempts; tests compress the domain's schedule. */
  readonly webhookRetryDelaysSeconds?: readonly number[];
}

/**
 * The webhook use cases on the app's database. Creates the delivery queue (idempotent): servers,
 * payments, invoices and dunning write deliveries into it wherever they run. Loopback receivers are
 * allowed in the sandbox only.
 */
export async function composeWebhooks(input: {
  readonly config: Config;
  readonly database: Database;
  readonly accounts: AccountAdapters;
  readonly queue: JobQueue;
  readonly overrides?: WebhookOverrides;
}): Promise<WebhookUseCases> {
  const { config, database, accounts, queue, overrides = {} } = input;
  await queue.createQueue(WEBHOOK_JOB_NAME, WEBHOOK_QUEUE);
  return createWebhookUseCases({
    webhooks: new DrizzleWebhookRepository(database.db, queue),
    sender: new GotWebhookSender({ allowLoopback: config.sandbox }),
    signer: new HmacWebhookSigner(),
    secretBox: accounts.secretBox,
    audit: accounts.audit,
    clock: accounts.clock,
    ids: accounts.ids,
    random: accounts.random,
    ...(overrides.webhookRetryDelaysSeconds
      ? { retryDelaysSeconds: overrides.webhookRetryDelaysSeconds }
      : {}),
  });
}
