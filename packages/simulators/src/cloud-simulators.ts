import { AddressPool } from "./cloud/address.pool.ts";
import type { CloudFaults } from "./cloud/cloud-faults.ts";
import {
  startDigitalOceanSimulator,
  type DigitalOceanSimulator,
} from "./digitalocean/digitalocean.simulator.ts";
import { startHetznerSimulator, type HetznerSimulator } from "./hetzner/hetzner.simulator.ts";
import { startOvhSimulator, type OvhSimulator } from "./ovh/ovh.simulator.ts";

export type SimulatedCloud = "DIGITALOCEAN" | "HETZNER" | "OVH";

/** A server at a simulated cloud, reduced to what "no duplicate, no orphan" checks need. */
export interface SimulatedCloudServer {
  readonly cloud: SimulatedCloud;
  readonly providerServerId: string;
  /** Our server id, read from the mark we put on it (tag, label, name); null if it carries none. */
  readonly serverId: string | null;
}

export interface CloudSimulators {
  readonly digitalocean: DigitalOceanSimulator;
  readonly hetzner: HetznerSimulator;
  readonly ovh: OvhSimulator;
  /** Every server the three clouds hold now. */
  servers(): SimulatedCloudServer[];
  /** Sets the same knobs on all three. */
  setFaults(changes: Partial<CloudFaults>): void;
  close(): Promise<void>;
}

const SERVER_TAG = /^peykarband-server:(.+)$/;
const OVH_NAME = /-pk-([0-9a-f-]{36})$/;

/** The three clouds at once, as the embedded sandbox runs them. */
export async function startCloudSimulators(
  options: { readonly faults?: Partial<CloudFaults>; readonly host?: string } = {},
): Promise<CloudSimulators> {
  const common = {
    // One pool: no two servers of the three clouds show the same address.
    addresses: new AddressPool(),
    ...(options.host ? { host: options.host } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  };
  const started = await Promise.allSettled([
    startDigitalOceanSimulator(common),
    startHetznerSimulator(common),
    startOvhSimulator(common),
  ]);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    // Don't leave the ones that did start listening.
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.close() : undefined)));
    throw failed.reason;
  }
  const [digitalocean, hetzner, ovh] = started.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [
    DigitalOceanSimulator,
    HetznerSimulator,
    OvhSimulator,
  ];
  const all = [digitalocean, hetzner, ovh];
  return {
    digitalocean,
    hetzner,
    ovh,
    servers: () => [
      ...digitalocean.droplets.list().map((d) => ({
        cloud: "DIGITALOCEAN" as const,
        providerServerId: String(d.id),
        serverId: d.tags.map((t) => SERVER_TAG.exec(t)?.[1]).find((id) => id !== undefined) ?? null,
      })),
      ...hetzner.servers().map((s) => ({
        cloud: "HETZNER" as const,
        providerServerId: String(s.id),
        serverId: s.labels["peykarband/server-id"] ?? null,
      })),
      ...ovh.instances.list().map((i) => ({
        cloud: "OVH" as const,
        providerServerId: i.id,
        serverId: OVH_NAME.exec(i.name)?.[1] ?? null,
      })),
    ],
    setFaults: (changes) => {
      for (const simulator of all) simulator.faults.set(changes);
    },
    close: async () => {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}
