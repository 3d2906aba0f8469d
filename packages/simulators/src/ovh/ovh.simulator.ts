import { randomBytes } from "node:crypto";
import { AddressPool } from "../cloud/address.pool.ts";
import { CloudFaultBoard, HEALTHY_CLOUD, type CloudFaults } from "../cloud/cloud-faults.ts";
import { startCloudSimulatorServer } from "../cloud/cloud-simulator.server.ts";
import type { OvhCredentials } from "./ovh-auth.check.ts";
import { ovhCatalogRoutes } from "./ovh-catalog.routes.ts";
import { instanceJson } from "./ovh-instance.json.ts";
import { ovhInstanceRoutes } from "./ovh-instance.routes.ts";
import { OvhInstanceStore } from "./ovh-instance.store.ts";
import type { OvhContext } from "./ovh.context.ts";
import { internalError, invalidUrl, rateLimited } from "./ovh.replies.ts";

export interface OvhSimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** The Public Cloud project. Default "pk-sandbox-project". */
  readonly serviceName?: string;
  /**
   * The official API this simulator stands in for; signatures over its URLs are accepted, as
   * python-ovh makes them. Default `https://eu.api.ovh.com` (python-ovh's "ovh-eu").
   */
  readonly officialOrigin?: string;
  /** The only valid keys; each defaults to a random one. */
  readonly credentials?: Partial<OvhCredentials>;
  /** Starting faults; `actionMs` defaults to 1 s. */
  readonly faults?: Partial<CloudFaults>;
  /** How far the API's clock is ahead of this machine's, in seconds: clients must sync via /auth/time. */
  readonly clockOffsetSeconds?: number;
  /** Default 180. */
  readonly maxClockSkewSeconds?: number;
  /** The `Retry-After` of the 429 fault. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Decides the 5xx fault. Default Math.random. */
  readonly random?: () => number;
  /** Where public addresses come from; simulators sharing one never show the same address twice. */
  readonly addresses?: AddressPool;
  /**
   * The provider's clock, Unix ms: it decides when actions end. Default Date.now; a test that
   * must see an action still running gives a clock it moves on itself.
   */
  readonly now?: () => number;
}

/** An instance as the simulator holds it, for assertions. */
export interface OvhInstanceView {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly status: string;
  readonly flavorId: string;
  readonly imageId: string;
  readonly userData: string | null;
}

export interface OvhSimulator {
  /** Root URL, standing in for `https://eu.api.ovh.com`: the API is under `${url}/1.0`. */
  readonly url: string;
  /** The official origin it stands in for, whose URLs a signature may name instead of `url`'s. */
  readonly officialOrigin: string;
  readonly serviceName: string;
  readonly credentials: OvhCredentials;
  readonly faults: CloudFaultBoard;
  readonly instances: {
    /** Every instance, oldest first, as of now. */
    list(): OvhInstanceView[];
    /** Instances named for our server id (`…pk-<serverId>`): 1 means no duplicate, 0 none made. */
    countByServerId(serverId: string): number;
  };
  close(): Promise<void>;
}

const OVH_EU_ORIGIN = "https://eu.api.ovh.com";

const random = (): string => randomBytes(16).toString("base64url");

/** OVHcloud Public Cloud API v1: signed calls, instances, flavors, images. */
export async function startOvhSimulator(options: OvhSimulatorOptions = {}): Promise<OvhSimulator> {
  const offset = options.clockOffsetSeconds ?? 0;
  const context: OvhContext = {
    serviceName: options.serviceName ?? "pk-sandbox-project",
    officialOrigin: options.officialOrigin ?? OVH_EU_ORIGIN,
    credentials: {
      applicationKey: options.credentials?.applicationKey ?? random(),
      applicationSecret: options.credentials?.applicationSecret ?? random(),
      consumerKey: options.credentials?.consumerKey ?? random(),
    },
    clock: {
      now: () => Math.floor(Date.now() / 1000) + offset,
      maxSkewSeconds: options.maxClockSkewSeconds ?? 180,
    },
    instances: new OvhInstanceStore(options.addresses ?? new AddressPool(), options.now),
    faults: new CloudFaultBoard({ ...HEALTHY_CLOUD, ...options.faults }),
  };
  const retryAfter = options.retryAfterSeconds ?? 1;
  const server = await startCloudSimulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    routes: [...ovhCatalogRoutes(context), ...ovhInstanceRoutes(context)],
    faults: context.faults,
    serverError: internalError,
    rateLimited: () => rateLimited(retryAfter),
    notFound: invalidUrl,
    snapshot: () => ({
      serviceName: context.serviceName,
      instances: context.instances.list().map((instance) => instanceJson(instance, false)),
    }),
    random: options.random ?? Math.random,
  });

  const list = (): OvhInstanceView[] =>
    context.instances.list().map(({ id, name, region, status, flavorId, imageId, userData }) => ({
      id,
      name,
      region,
      status,
      flavorId,
      imageId,
      userData,
    }));
  return {
    url: server.url,
    officialOrigin: context.officialOrigin,
    serviceName: context.serviceName,
    credentials: context.credentials,
    faults: context.faults,
    instances: {
      list,
      countByServerId: (serverId) =>
        list().filter((i) => i.name === `pk-${serverId}` || i.name.endsWith(`-pk-${serverId}`)).length,
    },
    close: () => server.close(),
  };
}
