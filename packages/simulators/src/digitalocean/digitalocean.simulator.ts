import { randomBytes } from "node:crypto";
import { AddressPool } from "../cloud/address.pool.ts";
import { CloudFaultBoard, HEALTHY_CLOUD, type CloudFaults } from "../cloud/cloud-faults.ts";
import { startCloudSimulatorServer } from "../cloud/cloud-simulator.server.ts";
import { digitalOceanApiRoutes, type DigitalOceanContext } from "./digitalocean-api.routes.ts";
import { digitalOceanCatalogRoutes } from "./digitalocean-catalog.routes.ts";
import { DigitalOceanAccount, type Droplet, type DoAction } from "./digitalocean.account.ts";
import { errorReply, NOT_FOUND, SERVER_ERROR, TOO_MANY_REQUESTS } from "./digitalocean.errors.ts";
import { DigitalOceanRateLimit } from "./digitalocean.rate-limit.ts";

export interface DigitalOceanSimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** The only token the API accepts. Default: a random `dop_v1_` personal access token. */
  readonly token?: string;
  /** Starting fault knobs (and what `/__sim/faults` DELETE returns to). Default: healthy, 1 s actions. */
  readonly faults?: Partial<CloudFaults>;
  /** Requests per hour, reported in `ratelimit-limit`. Default 5,000, DigitalOcean's own. */
  readonly hourlyLimit?: number;
  /** `retry-after` (whole seconds) sent with the 429 fault. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Decides the 5xx fault; tests may make it predictable. Default Math.random. */
  readonly random?: () => number;
  /** Where public addresses come from; simulators sharing one never show the same address twice. */
  readonly addresses?: AddressPool;
  /**
   * The provider's clock, Unix ms: it decides when actions end. Default Date.now; a test that
   * must see an action still running gives a clock it moves on itself.
   */
  readonly now?: () => number;
}

/** Read access to the account, for tests: copies, so a test cannot change the provider's mind. */
export interface DropletLog {
  /** Every droplet the account holds, oldest first. */
  list(): Droplet[];
  /** The droplets carrying `tag` (how a test counts the servers made for one order). */
  withTag(tag: string): Droplet[];
  action(id: number): DoAction | undefined;
}

export interface DigitalOceanSimulator {
  /** Base URL, standing in for `https://api.digitalocean.com`. */
  readonly url: string;
  readonly token: string;
  readonly faults: CloudFaultBoard;
  readonly droplets: DropletLog;
  close(): Promise<void>;
}

export async function startDigitalOceanSimulator(
  options: DigitalOceanSimulatorOptions = {},
): Promise<DigitalOceanSimulator> {
  const faults = new CloudFaultBoard({ ...HEALTHY_CLOUD, ...options.faults });
  const account = new DigitalOceanAccount(faults, options.addresses ?? new AddressPool(), options.now);
  const limits = new DigitalOceanRateLimit(options.hourlyLimit ?? 5_000);
  const context: DigitalOceanContext = {
    account,
    token: options.token ?? `dop_v1_${randomBytes(32).toString("hex")}`,
    baseUrl: "",
  };
  const retryAfter = String(options.retryAfterSeconds ?? 1);

  const server = await startCloudSimulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    routes: [...digitalOceanApiRoutes(context), ...digitalOceanCatalogRoutes(context)],
    faults,
    serverError: () => errorReply(SERVER_ERROR),
    rateLimited: () => errorReply(TOO_MANY_REQUESTS, { ...limits.count(), "retry-after": retryAfter }),
    notFound: () => errorReply(NOT_FOUND),
    commonHeaders: () => limits.count(),
    snapshot: () => ({ droplets: account.droplets() }),
    random: options.random ?? Math.random,
  });
  context.baseUrl = server.url;

  const copy = <T>(value: T): T => structuredClone(value);
  return {
    url: server.url,
    token: context.token,
    faults,
    droplets: {
      list: () => copy(account.droplets()),
      withTag: (tag) => copy(account.droplets().filter((d) => d.tags.includes(tag))),
      action: (id) => copy(account.action(id)),
    },
    close: () => server.close(),
  };
}
