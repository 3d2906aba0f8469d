import { createAccountUseCases, defaultAccountPolicy, type AccountPolicy } from "@peykarband/application";
import {
  createAccountAdapters,
  createLogger,
  createRequestLog,
  openDatabase,
  openJobQueue,
  type Config,
  type Database,
  type JobQueue,
  type Logger,
  type ServerStatusPubSub,
} from "@peykarband/infrastructure";
import { startCloudSimulators, type CloudSimulators } from "@peykarband/simulators";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TrustProxy } from "../context/client-address.ts";
import { createApolloServer } from "../graphql/create-apollo-server.ts";
import { createOperationRecorder } from "../graphql/operation-recorder.ts";
import { startWebSocketServer } from "../graphql/websocket-server.ts";
import { createExpressApp, GRAPHQL_PATH } from "../http/create-express-app.ts";
import { createLimitRules } from "../limits/limit-rules.ts";
import { createGatewayMetrics } from "../metrics/gateway-metrics.ts";
import { buildGatewaySchema } from "../schema/build-gateway-schema.ts";
import { APP_VERSION } from "./app-version.ts";
import { composeBilling } from "./compose-billing.ts";
import { composeServers, openServerStatusBus, type ServerOverrides } from "./compose-servers.ts";
import { composeWallet, type WalletComposition, type WalletOverrides } from "./compose-wallet.ts";

export interface AppOverrides extends WalletOverrides, ServerOverrides {
  /** A job queue the caller opened and will stop (`main` shares one between gateway and worker). */
  readonly jobQueue?: JobQueue;
  /** The status pub/sub the caller opened and will close; with a worker in the same process, shared. */
  readonly statusBus?: ServerStatusPubSub;
  /** A database the caller opened and will close (tests share one per file). */
  readonly database?: Database;
  readonly logger?: Logger;
  /** Throttle limits and token lifetimes other than the defaults (benchmarks sign in thousands of times). */
  readonly accountPolicy?: Partial<AccountPolicy>;
}

export interface App {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (ws:// on the same path). */
  readonly url: string;
  readonly server: Server;
  readonly logger: Logger;
  /** Stops accepting work, drains HTTP and WebSocket operations, then closes what the app opened. */
  close(): Promise<void>;
}

/** The composition root: the only place that knows which adapters stand behind the use cases. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config);
  const database = overrides.database ?? (await openDatabase(config));
  const ownsDatabase = overrides.database === undefined;
  let wallet: WalletComposition | undefined;
  // What this app opened itself, closed in reverse order when it closes (or fails to start).
  const owned: (() => Promise<void>)[] = [];
  const closeOwned = async () => {
    for (const close of owned.reverse()) await close();
  };
  try {
    await database.migrate();
    const accountAdapters = createAccountAdapters(database, config);
    const useCases = createAccountUseCases({
      ...accountAdapters,
      policy: {
        ...defaultAccountPolicy,
        accessTokenTtlSeconds: config.accessTokenTtlSeconds,
        ...overrides.accountPolicy,
      },
    });
    wallet = await composeWallet(config, database, accountAdapters, overrides);
    const queue =
      overrides.jobQueue ??
      (await openJobQueue(database, {
        role: "producer",
        onError: (error) => logger.error("job queue error", { error: error.message }),
      }));
    if (!overrides.jobQueue) owned.push(() => queue.stop({ timeoutMs: 1000 }));
    const bus = overrides.statusBus ?? (await openServerStatusBus(config, logger));
    if (!overrides.statusBus) owned.push(() => bus.close());
    let cloudSimulators: CloudSimulators | undefined = overrides.cloudSimulators;
    if (config.sandbox && !cloudSimulators) {
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
    });
    const billing = composeBilling({ config, database, accounts: accountAdapters, queue });
    const app = { version: APP_VERSION, sandbox: config.sandbox, publicUrl: config.publicUrl };
    const schema = await buildGatewaySchema();
    const limitRules = createLimitRules();
    const metrics = createGatewayMetrics();
    // A logger given by the caller (tests) gets every line; otherwise the cheap request line.
    const requestLog = overrides.logger ? undefined : createRequestLog(logger, config);
    const recorder = createOperationRecorder(logger, metrics, requestLog);
    const introspection = config.nodeEnv !== "production";

    const { app: express, mountGraphQL } = createExpressApp({
      useCases,
      wallet: wallet.useCases,
      servers,
      billing,
      payments: { handlePaymentCallback: wallet.useCases.handlePaymentCallback, resultUrl: wallet.resultUrl },
      app,
      trustProxy: config.trustProxy,
      readiness: { database: () => database.ping() },
      registry: metrics.registry,
      logger,
      recorder,
    });
    const server = createServer(express);
    const disposeWebSocket = startWebSocketServer({
      schema,
      httpServer: server,
      path: GRAPHQL_PATH,
      limitRules,
      trustProxy: express.get("trust proxy fn") as TrustProxy,
      recorder,
      introspection,
      useCases,
      wallet: wallet.useCases,
      servers,
      billing,
      app,
    });
    const apollo = createApolloServer({
      schema,
      httpServer: server,
      limitRules,
      recorder,
      introspection,
      development: config.nodeEnv === "development",
      disposeWebSocket,
    });
    await apollo.start();
    mountGraphQL(apollo);

    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(":") ? `[${address}]` : address;
    wallet.listening(`http://${host}:${port}`);
    const composedWallet = wallet;
    return {
      url: `http://${host}:${port}${GRAPHQL_PATH}`,
      server,
      logger,
      async close() {
        await apollo.stop();
        await closeOwned();
        await composedWallet.close();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (error) {
    await closeOwned();
    await wallet?.close();
    if (ownsDatabase) await database.close();
    throw error;
  }
}
