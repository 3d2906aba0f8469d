import { randomBytes } from "node:crypto";
import { AddressPool } from "../cloud/address.pool.ts";
import { CloudFaultBoard, HEALTHY_CLOUD, type CloudFaults } from "../cloud/cloud-faults.ts";
import { startCloudSimulatorServer } from "../cloud/cloud-simulator.server.ts";
import { hetznerActionRoutes } from "./hetzner-action.routes.ts";
import { hetznerCatalogRoutes } from "./hetzner-catalog.routes.ts";
import type { HetznerContext } from "./hetzner.context.ts";
import { hetznerError, notFound, serverError } from "./hetzner.errors.ts";
import { HetznerProject, type HetznerServerStatus } from "./hetzner.project.ts";
import { RateLimitBudget } from "./hetzner.rate-limit.ts";
import { hetznerServerRoutes } from "./hetzner-server.routes.ts";

export interface HetznerSimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** The project's API token. Default: 64 random characters, like a real one. */
  readonly token?: string;
  /** Knobs to start with, over a healthy provider. */
  readonly faults?: Partial<CloudFaults>;
  /** Requests an hour (`RateLimit-Limit`). Default 3600, Hetzner's default. */
  readonly rateLimitPerHour?: number;
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

/** A server as the simulator holds it, for tests that count what the provider bills for. */
export interface HetznerSimulatedServer {
  readonly id: number;
  readonly name: string;
  readonly status: HetznerServerStatus;
  readonly labels: Readonly<Record<string, string>>;
  readonly serverType: string;
  readonly image: string;
  readonly location: string;
  readonly ipv4: string;
}

export interface HetznerSimulator {
  /** The API base, standing in for `https://api.hetzner.cloud/v1`. The control API is at `<origin>/__sim/`. */
  readonly url: string;
  readonly token: string;
  readonly faults: CloudFaultBoard;
  /** Every server the project holds now (deleted ones are gone, as at Hetzner). */
  servers(): readonly HetznerSimulatedServer[];
  /** How many servers carry label `key=value`: more than one for our server id is a duplicate. */
  countByLabel(key: string, value: string): number;
  close(): Promise<void>;
}

export async function startHetznerSimulator(
  options: HetznerSimulatorOptions = {},
): Promise<HetznerSimulator> {
  const project = new HetznerProject(options.addresses ?? new AddressPool(), options.now);
  const faults = new CloudFaultBoard({ ...HEALTHY_CLOUD, ...options.faults });
  const budget = new RateLimitBudget(options.rateLimitPerHour ?? 3600);
  const context: HetznerContext = {
    project,
    faults,
    token: options.token ?? randomBytes(48).toString("base64url").slice(0, 64),
    origin: (call) => `http://${call.headers.host ?? "localhost"}`,
  };
  const servers = (): HetznerSimulatedServer[] =>
    project.servers().map((server) => ({
      id: server.id,
      name: server.name,
      status: server.status,
      labels: server.labels,
      serverType: server.serverType.name,
      image: server.image.name,
      location: server.location.name,
      ipv4: server.ipv4,
    }));
  const server = await startCloudSimulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    routes: [
      ...hetznerServerRoutes(context),
      ...hetznerActionRoutes(context),
      ...hetznerCatalogRoutes(context),
    ],
    faults,
    serverError,
    rateLimited: () => {
      const reply = hetznerError(429, "rate_limit_exceeded", "limit of requests per hour reached");
      return { ...reply, headers: { ...reply.headers, ...budget.exhausted() } };
    },
    notFound,
    commonHeaders: () => budget.spend(),
    snapshot: servers,
    random: options.random ?? Math.random,
  });
  return {
    url: `${server.url}/v1`,
    token: context.token,
    faults,
    servers,
    countByLabel: (key, value) => project.servers().filter((s) => s.labels[key] === value).length,
    close: () => server.close(),
  };
}
