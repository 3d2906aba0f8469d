import { z } from "zod";
import { hetznerPaged } from "./hetzner.pages.ts";

/** What we read of Hetzner Cloud's answers; unknown keys are ignored. */

const id = z.number().int().positive();

export const HETZNER_SERVER_STATUSES = [
  "running",
  "initializing",
  "starting",
  "stopping",
  "off",
  "deleting",
  "migrating",
  "rebuilding",
  "unknown",
] as const;

export const hetznerServer = z.object({
  id,
  name: z.string(),
  status: z.enum(HETZNER_SERVER_STATUSES),
  created: z.string(),
  labels: z.record(z.string(), z.string()),
  public_net: z.object({
    ipv4: z.object({ ip: z.string() }).nullable(),
    ipv6: z.object({ ip: z.string() }).nullable(),
  }),
});
export type HetznerServer = z.infer<typeof hetznerServer>;

export const hetznerAction = z.object({
  id,
  command: z.string(),
  status: z.enum(["running", "success", "error"]),
  progress: z.number().min(0).max(100),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type HetznerAction = z.infer<typeof hetznerAction>;

export const serverEnvelope = z.object({ server: hetznerServer });
export const actionEnvelope = z.object({ action: hetznerAction });
export const createServerAnswer = z.object({
  server: hetznerServer,
  action: hetznerAction,
  next_actions: z.array(hetznerAction),
});
export const serverPage = hetznerPaged.extend({ servers: z.array(hetznerServer) });

export const errorEnvelope = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
