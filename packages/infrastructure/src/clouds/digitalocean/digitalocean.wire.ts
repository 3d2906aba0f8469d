import type { ProviderServer, ProviderServerState } from "@peykarband/application";
import { z } from "zod";
import { digitalOceanPaged } from "./digitalocean.pages.ts";

/** DigitalOcean v2 answers, as far as we read them (the full shapes are in the official spec). */

const network = z.object({ ip_address: z.string(), type: z.string() });

export const droplet = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  status: z.enum(["new", "active", "off", "archive"]),
  locked: z.boolean(),
  created_at: z.string(),
  tags: z.array(z.string()),
  networks: z.object({ v4: z.array(network).default([]), v6: z.array(network).default([]) }),
});
export type DropletWire = z.infer<typeof droplet>;

export const dropletEnvelope = z.object({ droplet });

export const dropletCreated = z.object({
  droplet,
  links: z.object({ actions: z.array(z.object({ id: z.number().int(), rel: z.string() })) }),
});

export const dropletPage = digitalOceanPaged.extend({
  droplets: z.array(droplet),
  meta: z.object({ total: z.number().int().nonnegative() }),
});

export const action = z.object({
  id: z.number().int().positive(),
  status: z.enum(["in-progress", "completed", "errored"]),
  type: z.string(),
});

export const actionEnvelope = z.object({ action });

/** `#/components/schemas/error`. */
export const errorBody = z.object({ id: z.string(), message: z.string() });

/** The tag carrying our server id, and the one marking this deployment. */
export const SERVER_TAG_PREFIX = "peykarband-server:";
export const deploymentTag = (deployment: string) => `peykarband:${deployment}`;
export const serverTag = (serverId: string) => `${SERVER_TAG_PREFIX}${serverId}`;

/** A droplet in our terms. A locked droplet is inside an action of its own (power, rebuild, resize). */
export function providerServer(wire: DropletWire): ProviderServer {
  const tag = wire.tags.find((t) => t.startsWith(SERVER_TAG_PREFIX));
  return {
    providerServerId: String(wire.id),
    serverId: tag === undefined ? null : tag.slice(SERVER_TAG_PREFIX.length),
    state: stateOf(wire),
    ipv4: wire.networks.v4.find((n) => n.type === "public")?.ip_address ?? null,
    ipv6: wire.networks.v6.find((n) => n.type === "public")?.ip_address ?? null,
  };
}

function stateOf(wire: DropletWire): ProviderServerState {
  switch (wire.status) {
    case "new":
      return "BUILDING";
    case "active":
      return wire.locked ? "BUSY" : "RUNNING";
    case "off":
      return wire.locked ? "BUSY" : "OFF";
    case "archive":
      return "ERROR";
  }
}
