import {
  deliverNotification,
  runDunning,
  sandboxOutbox,
  type DeliveryReport,
  type DunningReport,
  type EmailFailure,
  type EmailSender,
  type RequestContext,
  type ServerStatusPublisher,
  type SmsSender,
  type StoredNotification,
} from "@peykarband/application";
import { err } from "@peykarband/domain";
import {
  captureMail,
  DrizzleBillingRepository,
  DrizzleDunningRepository,
  DrizzleNotificationRepository,
  DrizzleServerRepository,
  DrizzleWalletLedger,
  KavenegarSmsSender,
  NodemailerEmailSender,
  type Config,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import type { AccountAdapters } from "./compose-accounts.ts";
import type { KavenegarSimulator } from "@peykarband/simulators";

export interface NotificationComposition {
  readonly runDunning: (ctx: RequestContext) => Promise<DunningReport>;
  readonly deliverNotification: (job: { notificationId: string }) => Promise<DeliveryReport>;
  readonly sandboxOutbox: (limit: number) => Promise<StoredNotification[]>;
}

/** A channel this deployment has no provider for: every message is refused, and kept with the reason. */
const notConfigured = (channel: string): EmailSender & SmsSender => ({
  send: () =>
    Promise.resolve(
      err<EmailFailure>({
        kind: "REJECTED",
        code: null,
        message: `${channel} is not configured on this deployment`,
      }),
    ),
});

/** Dunning and the outbox on the app's database; mail to the capture and SMS to the simulator in sandbox mode. */
export function composeNotifications(input: {
  readonly config: Config;
  readonly database: Database;
  readonly accounts: AccountAdapters;
  readonly queue: JobQueue;
  readonly publisher: ServerStatusPublisher;
  /** Sandbox mode: the in-process Kavenegar. */
  readonly kavenegar?: KavenegarSimulator;
}): NotificationComposition {
  const { config, database, accounts, queue } = input;
  const notifications = new DrizzleNotificationRepository(database.db);
  const email = config.smtpUrl
    ? NodemailerEmailSender.smtp(config.smtpUrl, config.mailFrom)
    : config.sandbox
      ? captureMail(config.mailFrom).sender
      : notConfigured("Email");
  const kavenegarKey = config.smsSecrets.kavenegarApiKey ?? input.kavenegar?.apiKey;
  const kavenegarUrl = config.kavenegarBaseUrl ?? input.kavenegar?.url ?? "https://api.kavenegar.com";
  const sms = kavenegarKey
    ? new KavenegarSmsSender({ baseUrl: kavenegarUrl, apiKey: kavenegarKey, sender: config.kavenegarSender })
    : notConfigured("SMS");
  const dunningDeps = {
    dunning: new DrizzleDunningRepository(database.db, queue),
    billing: new DrizzleBillingRepository(database.db, config.vatRateBasisPoints),
    ledger: DrizzleWalletLedger.on(database),
    servers: new DrizzleServerRepository(database.db, queue, config.vatRateBasisPoints),
    publisher: input.publisher,
    audit: accounts.audit,
    clock: accounts.clock,
    ids: accounts.ids,
    settings: config.dunning,
    vatRate: config.vatRateBasisPoints,
  };
  return {
    runDunning: (ctx) => runDunning(dunningDeps, ctx),
    deliverNotification: (job) =>
      deliverNotification({ notifications, email, sms, clock: accounts.clock }, job),
    sandboxOutbox: (limit) => sandboxOutbox({ notifications }, { limit }),
  };
}
