import type { AccountPolicy, Clock, PasswordHasher } from "@peykarband/application";
import {
  createLogger,
  createRequestLog,
  openDatabase,
  openJobQueue,
  openSessionEvictionBus,
  tracedRequestListener,
  tracingActive,
  type Config,
  type Database,
  type JobQueue,
  type Logger,
  type ServerStatusPubSub,
  type SessionEvictionBus,
} from "@peykarband/infrastructure";
import type { CloudSimulators } from "@peykarband/simulators";
import type { Server } from "node:http";
import { createApolloServer } from "../graphql/create-apollo-server.ts";
import { createOperationRecorder } from "../graphql/operation-recorder.ts";
import { startWebSocketServer } from "../graphql/websocket-server.ts";
import { createHttpApp, GRAPHQL_PATH } from "../http/create-http-app.ts";
import { bindServer, type BoundServer } from "../http/bound-server.ts";
import { createLimitRules } from "../limits/limit-rules.ts";
import type { GatewayMetrics } from "../metrics/gateway-metrics.ts";
import { buildGatewaySchema } from "../schema/build-gateway-schema.ts";
import { APP_VERSION } from "./app-version.ts";
import { composeAccountAdapters, composeAccounts } from "./compose-accounts.ts";
import { composeBilling } from "./compose-billing.ts";
import { composeNotifications } from "./compose-notifications.ts";
import { composeServers, openServerStatusBus, type ServerOverrides } from "./compose-servers.ts";
import { composeWallet, type WalletComposition, type WalletOverrides } from "./compose-wallet.ts";
import { composeWebhooks, type WebhookOverrides } from "./compose-webhooks.ts";
import { startObservedMetrics } from "./observed-metrics.ts";

export interface AppOverrides extends WalletOverrides, ServerOverrides, WebhookOverrides {
  /** A job queue the caller opened and will stop (`main` shares one between gateway and worker). */
  readonly jobQueue?: JobQueue;
  /** The status pub/sub the caller opened and will close; with a worker in the same process, shared. */
  readonly statusBus?: ServerStatusPubSub;
  /** The session-eviction bus the caller opened and will close; shared like the status bus. */
  readonly sessionEvictions?: SessionEvictionBus;
  /** A database the caller opened and will close (tests share one per file). */
  readonly database?: Database;
  readonly logger?: Logger;
  /** Throttle limits and token lifetimes other than the defaults (benchmarks sign in thousands of times). */
  readonly accountPolicy?: Partial<AccountPolicy>;
  /** The clock of the WebSockets' operations-per-second budget (tests hold it still). */
  readonly webSocketNowMs?: () => number;
  /** The clock behind accounts, wallet, servers and billing; tests move it instead of faking `Date`. */
  readonly clock?: Clock;
  /** The password hasher; tests wrap argon2 to count how many hashes a request ran. */
  readonly passwords?: PasswordHasher;
  /** The process's metrics, served by the caller; by default the app serves its own on METRICS_PORT. */
  readonly metrics?: GatewayMetrics;
}

export interface App {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (ws:// on the same path). */
  readonly url: string;
  readonly server: Server;
  readonly logger: Logger;
  /** Where this app's own metrics are served; null when the caller gave it theirs. */
  readonly metricsUrl: string | null;
  /** Stops accepting work, drains HTTP and WebSocket operations, then closes what the app opened. */
  close(): Promise<void>;
}

/** The composition root: the only place that knows which adapters stand behind the use cases. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config);
  const database = overrides.database ?? (await openDatabase(config));
  const ownsDatabase = overrides.database === undefined;
  let wallet: WalletComposition | undefined;
  let bound: BoundServer | undefined;
  // What this app opened itself, closed in reverse order when it closes (or fails to start).
  const owned: (() => Promise<void>)[] = [];
  const closeOwned = async () => {
    for (const close of owned.reverse()) await close();
  };
  try {
    await database.migrate();
    const sessionEvictions =
      overrides.sessionEvictions ??
      (await openSessionEvictionBus({
        redisUrl: config.redisUrl,
        deployment: config.deploymentName,
        onError: (error) => logger.error("session eviction bus error", { error: error.message }),
      }));
    if (!overrides.sessionEvictions) owned.push(() => sessionEvictions.close());
    const accountAdapters = composeAccountAdapters(database, config, {
      sessionCacheTtlMs: config.sessionCacheTtlMs,
      sessionEvictions,
      clock: overrides.clock,
      passwords: overrides.passwords,
    });
    const accounts = composeAccounts(accountAdapters, config, overrides.accountPolicy);
    bound = await bindServer(config.host, config.port);
    // PORT=0 (tests) leaves ":0" in the default PUBLIC_URL; the bound address is the one to use.
    const publicUrl = new URL(config.publicUrl).port === "0" ? bound.origin : config.publicUrl;
    const queue =
      overrides.jobQueue ??
      (await openJobQueue(database, {
        role: "producer",
        onError: (error) => logger.error("job queue error", { error: error.message }),
      }));
    if (!overrides.jobQueue) owned.push(() => queue.stop({ timeoutMs: 1000 }));
    const money = { ...accountAdapters, stepUp: accounts.stepUp };
    wallet = await composeWallet(config, database, money, queue, overrides, publicUrl);
    const bus = overrides.statusBus ?? (await openServerStatusBus(config, logger));
    if (!overrides.statusBus) owned.push(() => bus.close());
    let cloudSimulators: CloudSimulators | undefined = overrides.cloudSimulators;
    if (config.sandbox && !cloudSimulators) {
      const { startCloudSimulators } = await import("@peykarband/simulators");
      const started = await startCloudSimulators();
      owned.push(() => started.close());
      cloudSimulators = started;
    }
    const servers = await composeServers({
      config,
      database,
      accounts: accountAdapters,
      queue,
      bus,
      overrides: { ...overrides, ...(cloudSimulators ? { cloudSimulators } : {}) },
      logger,
    });
    const useCases = {
      accounts,
      wallet: wallet.useCases,
      servers,
      ...composeBilling({ config, database, accounts: money, queue }),
      webhooks: await composeWebhooks({ config, database, accounts: accountAdapters, queue, overrides }),
    };
    const app = { version: APP_VERSION, sandbox: config.sandbox, publicUrl: config.publicUrl };
    const schema = await buildGatewaySchema();
    const limitRules = createLimitRules();
    let metrics = overrides.metrics;
    let metricsUrl: string | null = null;
    if (!metrics) {
      const observed = await startObservedMetrics(config, queue, database);
      owned.push(() => observed.close());
      metrics = observed.metrics;
      metricsUrl = observed.server.url;
    }
    // A logger given by the caller (tests) gets every line; otherwise the cheap request line.
    const requestLog = overrides.logger ? undefined : createRequestLog(logger, config);
    const recorder = createOperationRecorder(logger, metrics, requestLog);
    const introspection = config.nodeEnv !== "production";

    const http = createHttpApp({
      useCases,
      payments: { handlePaymentCallback: wallet.useCases.handlePaymentCallback, resultUrl: wallet.resultUrl },
      ...(config.sandbox
        ? {
            sandboxOutbox: composeNotifications({
              config,
              database,
              accounts: accountAdapters,
              queue,
              publisher: bus,
            }).sandboxOutbox,
          }
        : {}),
      app,
      trustProxy: config.trustProxy,
      readiness: { database: () => database.ping() },
      logger,
      recorder,
      maxQueryBytes: config.gatewayLimits.maxQueryBytes,
      // GraphiQL needs introspection; both are off in production.
      devUi: introspection,
    });
    const { server, drain } = bound;
    const disposeWebSocket = startWebSocketServer({
      schema,
      httpServer: server,
      path: GRAPHQL_PATH,
      limitRules,
      trustProxy: http.trustProxy,
      recorder,
      introspection,
      tracing: tracingActive(),
      limits: {
        maxQueryBytes: config.gatewayLimits.maxQueryBytes,
        operationsPerSecond: config.gatewayLimits.wsOperationsPerSecond,
        subscriptionsPerSocket: config.gatewayLimits.wsSubscriptionsPerSocket,
        socketsPerUser: config.gatewayLimits.wsSocketsPerUser,
        socketsPerAddress: config.gatewayLimits.wsSocketsPerAddress,
        initTimeoutMs: config.gatewayLimits.wsInitTimeoutMs,
        documentCacheBytes: config.gatewayLimits.documentCacheBytes,
      },
      ...(overrides.webSocketNowMs ? { nowMs: overrides.webSocketNowMs } : {}),
      useCases,
      app,
    });
    const apollo = createApolloServer({
      schema,
      drainHttp: drain,
      limitRules,
      recorder,
      introspection,
      development: config.nodeEnv === "development",
      documentCacheBytes: config.gatewayLimits.documentCacheBytes,
      disposeWebSocket,
    });
    await apollo.start();
    http.mountGraphQL(apollo);

    bound.serve(tracingActive() ? tracedRequestListener(http.listener) : http.listener);
    const composedWallet = wallet;
    return {
      url: `${bound.origin}${GRAPHQL_PATH}`,
      server,
      logger,
      metricsUrl,
      async close() {
        await apollo.stop();
        await closeOwned();
        await composedWallet.close();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (error) {
    bound?.abandon();
    await closeOwned();
    await wallet?.close();
    if (ownsDatabase) await database.close();
    throw error;
  }
}
