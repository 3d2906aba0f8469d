export { loadConfig, type Config } from "./config/config.ts";
export { LOG_LEVELS, type LogLevel } from "./config/config-schema.ts";
export { ConfigError, type ConfigProblem } from "./config/config-error.ts";
export type { SigningKey } from "./config/secret-keys.ts";

export { openDatabase } from "./database/open-database.ts";
export { openPgliteDatabase } from "./database/pglite.database.ts";
export { DirectoryInUseError, type LockOwner } from "./database/directory-lock.ts";
export { openPostgresDatabase, type PostgresOptions } from "./database/postgres.database.ts";
export { MIGRATIONS_FOLDER, type Database, type Db, type Schema } from "./database/database.ts";
export { rowsOf } from "./database/result-rows.ts";
export * as tables from "./database/schema.ts";

export { createLogger, type Logger } from "./logging/logger.ts";
export { startTracing, type Tracing, type TracingOptions } from "./tracing/start-tracing.ts";
export { tracingActive } from "./tracing/tracer.ts";
export { tracedRequestListener } from "./tracing/http-server-span.ts";
export { createRequestLog, type RequestLog, type RequestLogFields } from "./logging/request-log.ts";

export {
  CachingSessionRepository,
  CachingUserRepository,
  SessionCache,
  type SessionCacheOptions,
} from "./accounts/session-cache.ts";
export {
  inProcessSessionEvictionBus,
  openRedisSessionEvictionBus,
  openSessionEvictionBus,
  sessionEvictionChannel,
  type SessionEviction,
  type SessionEvictionBus,
} from "./accounts/session-eviction.bus.ts";
export { DrizzleUserRepository } from "./accounts/user.repository.ts";
export { DrizzleSessionRepository } from "./accounts/session.repository.ts";
export { DrizzleApiKeyRepository } from "./api-keys/api-key.repository.ts";
export { InProcessAttemptThrottle } from "./accounts/in-process.attempt-throttle.ts";
export { DrizzleRecoveryCodeRepository } from "./accounts/recovery-code.repository.ts";
export { DrizzleAttemptThrottle } from "./accounts/attempt-throttle.repository.ts";
export { DrizzleAuditLog } from "./audit/audit-log.repository.ts";
export { DrizzleAccountCleanup, type AccountCleanupReport } from "./accounts/account-cleanup.repository.ts";

export { DrizzleWalletLedger } from "./wallet/wallet-ledger.repository.ts";
export { DrizzlePaymentRepository } from "./payments/payment.repository.ts";
export { checkLedger } from "./wallet/ledger-check.ts";
export { provisioningBacklog, type ProvisioningBacklog } from "./servers/provisioning-backlog.ts";

export {
  Argon2PasswordHasher,
  OWASP_ARGON2ID,
  type Argon2Parameters,
} from "./crypto/argon2.password-hasher.ts";
export { JoseAccessTokenIssuer, type AccessTokenOptions } from "./crypto/jose.access-token-issuer.ts";
export { OtplibTotp } from "./crypto/otplib.totp.ts";
export { AesGcmSecretBox } from "./crypto/aes-gcm.secret-box.ts";
export { HmacRefreshSuccessor } from "./crypto/hmac.refresh-successor.ts";

export { SystemClock } from "./system/system.clock.ts";
export { UuidV7Generator } from "./system/uuid-v7.id-generator.ts";
export { CryptoRandomSource, UNAMBIGUOUS_ALPHABET } from "./system/crypto.random-source.ts";
export { Sha256Digest } from "./system/sha256.digest.ts";

export {
  createPaymentGateways,
  IDPAY_PRODUCTION_URL,
  ZARINPAL_PRODUCTION_URL,
  type PaymentGatewayOverrides,
} from "./payments/create-payment-gateways.ts";
export { ZarinpalPaymentGateway, type ZarinpalGatewayOptions } from "./payments/zarinpal.payment-gateway.ts";
export { IdpayPaymentGateway, type IdpayGatewayOptions } from "./payments/idpay.payment-gateway.ts";
export { DEFAULT_GATEWAY_TIMING, type GatewayTiming } from "./payments/gateway.http-client.ts";

export {
  openJobQueue,
  type Job,
  type JobQueue,
  type JobQueueOptions,
  type QueueOptions,
  type UnfinishedJobs,
} from "./jobs/pg-boss.job-queue.ts";
export {
  observe,
  type Observations,
  type OutboundCall,
  type PaymentSettled,
  type ProvisioningFinished,
} from "./telemetry/observations.ts";

export {
  DigitalOceanCloudProvider,
  DIGITALOCEAN_PRODUCTION_URL,
  type DigitalOceanProviderOptions,
} from "./clouds/digitalocean/digitalocean.cloud-provider.ts";

export {
  HETZNER_API_URL,
  HetznerCloudProvider,
  type HetznerCloudOptions,
  type HetznerResizeTiming,
} from "./clouds/hetzner/hetzner.cloud-provider.ts";
export { OvhCloudProvider, type OvhCloudProviderOptions } from "./clouds/ovh/ovh.cloud-provider.ts";
export type { OvhCredentials } from "./clouds/ovh/ovh-api.client.ts";

export {
  CatalogFileError,
  DEFAULT_CATALOG_FILE,
  loadCatalogFile,
  parseCatalog,
  type CatalogDefinition,
} from "./catalog/catalog-file.ts";
export { syncCatalog, syncCatalogFile, type CatalogSyncReport } from "./catalog/catalog-sync.ts";
export type { CatalogMismatch, UncheckedCloud } from "./catalog/catalog-offers.check.ts";
export { DrizzleCatalog } from "./catalog/drizzle.catalog.ts";
export { DrizzleServerRepository } from "./servers/server.repository.ts";
export { DrizzleSshKeyRepository } from "./ssh-keys/ssh-key.repository.ts";
export {
  transactionSqlExecutor,
  type SqlExecutor,
  type TransactionalJobSender,
} from "./servers/transaction.sql-executor.ts";
export {
  inProcessServerStatusPubSub,
  openRedisServerStatusPubSub,
  serverStatusChannel,
  type ServerStatusPubSub,
  type ServerStatusPubSubOptions,
} from "./pubsub/server-status.pubsub.ts";
export { ServerStatusSubscription } from "./pubsub/pubsub-subscription.ts";
export {
  createCloudProviders,
  OVH_EU_URL,
  type CloudProviderOverrides,
} from "./clouds/create-cloud-providers.ts";
export { DEFAULT_CLOUD_TIMING, type CloudTiming } from "./clouds/cloud.http-client.ts";

export { DrizzleBillingRepository } from "./billing/billing.repository.ts";
export { KavenegarSmsSender, type KavenegarOptions } from "./notifications/kavenegar.sms-sender.ts";
export { DrizzleDunningRepository } from "./dunning/dunning.repository.ts";
export { DrizzleNotificationRepository } from "./notifications/notification.repository.ts";
export { DrizzleLanguagePreferences } from "./notifications/language-preference.repository.ts";
export { NodemailerEmailSender } from "./notifications/smtp.email-sender.ts";
export { captureMail, type CapturedMail } from "./notifications/captured-mail.ts";
export { DrizzleInvoiceRepository } from "./invoices/invoice.repository.ts";
export { PdfkitInvoicePdf } from "./invoices/pdfkit.invoice-pdf.ts";
export { HmacLinkSigner } from "./invoices/hmac.link-signer.ts";
export { DrizzleWebhookRepository } from "./webhooks/webhook.repository.ts";
export { GotWebhookSender } from "./webhooks/webhook.sender.ts";
export { HmacWebhookSigner } from "./webhooks/hmac.webhook-signer.ts";
export { DrizzleResellerMarkupRepository } from "./accounts/reseller-markup.repository.ts";
