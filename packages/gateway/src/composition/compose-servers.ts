import {
  createServerUseCases,
  defaultServerPolicy,
  type ServerPolicy,
  type ServerUseCases,
} from "@peykarband/application";
import {
  createCloudProviders,
  DrizzleCatalog,
  DrizzleServerRepository,
  DrizzleSshKeyRepository,
  DrizzleWalletLedger,
  inProcessServerStatusPubSub,
  openRedisServerStatusPubSub,
  Sha256Digest,
  syncCatalogFile,
  type CloudProviderOverrides,
  type Config,
  type Database,
  type JobQueue,
  type Logger,
  type QueueOptions,
  type ServerStatusPubSub,
} from "@peykarband/infrastructure";
import type { AccountAdapters } from "./compose-accounts.ts";
import type { CloudSimulators } from "@peykarband/simulators";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The server queues. A provisioning or operation job polls the provider for minutes, renewing its
 * lease as it goes; one whose worker died (its lease lapsed: SERVER_JOB_LEASE_SECONDS) is handed at
 * once to another worker, which looks the server up before doing anything again. pg-boss's own
 * expiry stays as a backstop. Retries after a failure back off; the last one fails the server (with
 * a refund) rather than leaving it PROVISIONING forever.
 */
export const SERVER_QUEUES: Readonly<
  Record<"provision" | "operate", { name: string; options: QueueOptions }>
> = {
  provision: {
    name: "servers.provision",
    options: {
      policy: "standard",
      expireInSeconds: 10 * 60,
      retryLimit: 12,
      retryDelaySeconds: 5,
      retryBackoff: true,
    },
  },
  operate: {
    name: "servers.operate",
    options: {
      policy: "standard",
      expireInSeconds: 10 * 60,
      retryLimit: 12,
      retryDelaySeconds: 5,
      retryBackoff: true,
    },
  },
};

/**
 * A server job's lease: renewed every 10 s by its live worker; a worker killed with it loses it 30 s
 * after its last renewal at most, and another worker (reclaiming lapsed leases every 10 s) takes it
 * over within 40 s of the kill plus a poll. Long enough that a worker whose database answers slowly
 * for a few seconds keeps its jobs. All workers must agree on it.
 */
export const SERVER_JOB_LEASE_SECONDS = 30;

export interface ServerOverrides {
  /** Simulators the caller started and will close; sandbox mode only. */
  readonly cloudSimulators?: CloudSimulators;
  /** Shorter deadlines for tests. */
  readonly cloudTiming?: CloudProviderOverrides["timing"];
  readonly serverPolicy?: Partial<ServerPolicy>;
}

/** Points every cloud without a configured endpoint at its simulator (sandbox mode). */
function simulatedClouds(config: Config, simulators: CloudSimulators | undefined): CloudProviderOverrides {
  if (!simulators || !config.sandbox) return {};
  const { digitalocean, hetzner, ovh } = simulators;
  return {
    ...(config.cloudEndpoints.digitalocean
      ? {}
      : { digitalocean: { baseUrl: digitalocean.url, token: digitalocean.token } }),
    ...(config.cloudEndpoints.hetzner ? {} : { hetzner: { baseUrl: hetzner.url, token: hetzner.token } }),
    ...(config.cloudEndpoints.ovh
      ? {}
      : { ovh: { baseUrl: `${ovh.url}/1.0`, credentials: ovh.credentials, serviceName: ovh.serviceName } }),
  };
}

/** Redis when REDIS_URL is set, else in this process; the same code path either way. */
export function openServerStatusBus(config: Config, logger: Logger): Promise<ServerStatusPubSub> {
  const options = {
    deployment: config.deploymentName,
    onError: (error: Error) => logger.warn("server status pub/sub", { error: error.message }),
  };
  return config.redisUrl
    ? openRedisServerStatusPubSub({ ...options, redisUrl: config.redisUrl })
    : Promise.resolve(inProcessServerStatusPubSub(options));
}

/** Creates the server queues (idempotent): orders and operations enqueue into them. */
export async function createServerQueues(queue: JobQueue): Promise<void> {
  for (const { name, options } of Object.values(SERVER_QUEUES)) await queue.createQueue(name, options);
}

/**
 * The server use cases on the app's database, with the clouds this deployment sells (simulators in
 * sandbox mode), publishing status changes on `bus`. The catalog file, checked against what those
 * clouds offer, is synced into the database first: servers reference its rows.
 */
export async function composeServers(input: {
  readonly config: Config;
  readonly database: Database;
  readonly accounts: AccountAdapters;
  readonly queue: JobQueue;
  readonly bus: ServerStatusPubSub;
  readonly overrides?: ServerOverrides;
  /** Told about every catalog entry a cloud does not offer. */
  readonly logger?: { warn(message: string, meta?: Record<string, unknown>): unknown };
}): Promise<ServerUseCases> {
  const { config, database, accounts, queue, bus, overrides = {}, logger } = input;
  const providers = createCloudProviders(config, {
    ...simulatedClouds(config, overrides.cloudSimulators),
    ...(overrides.cloudTiming ? { timing: overrides.cloudTiming } : {}),
  });
  const synced = await syncCatalogFile(database.db, config.catalogFile, accounts.clock.now(), {
    providers,
  });
  for (const mismatch of synced.mismatches)
    logger?.warn("catalog entry not offered by its cloud", { ...mismatch });
  for (const cloud of synced.unchecked) logger?.warn("catalog not checked against a cloud", { ...cloud });
  await createServerQueues(queue);
  return createServerUseCases({
    servers: new DrizzleServerRepository(database.db, queue, config.vatRateBasisPoints),
    catalog: new DrizzleCatalog(database.db),
    sshKeys: new DrizzleSshKeyRepository(database.db),
    providers,
    publisher: bus,
    feed: bus,
    ledger: DrizzleWalletLedger.on(database),
    users: accounts.users,
    markups: accounts.markups,
    audit: accounts.audit,
    clock: accounts.clock,
    ids: accounts.ids,
    fingerprint: new Sha256Digest(),
    policy: { ...defaultServerPolicy, defaultQuota: config.serverQuotaDefault, ...overrides.serverPolicy },
    sleep: (ms) => sleep(ms),
  });
}
