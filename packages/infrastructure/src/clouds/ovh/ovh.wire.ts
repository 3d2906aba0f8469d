import type { ProviderServerState } from "@peykarband/application";
import { z } from "zod";

/** cloud.instance.InstanceStatusEnum, whole: a status outside it is an answer we cannot read. */
const OVH_INSTANCE_STATUSES = [
  "ACTIVE",
  "BUILD",
  "BUILDING",
  "DELETED",
  "DELETING",
  "ERROR",
  "HARD_REBOOT",
  "MIGRATING",
  "PASSWORD",
  "PAUSED",
  "REBOOT",
  "REBUILD",
  "RESCUE",
  "RESCUED",
  "RESCUING",
  "RESIZE",
  "RESIZED",
  "RESUMING",
  "REVERT_RESIZE",
  "SHELVED",
  "SHELVED_OFFLOADED",
  "SHELVING",
  "SHUTOFF",
  "SNAPSHOTTING",
  "SOFT_DELETED",
  "STOPPED",
  "SUSPENDED",
  "UNKNOWN",
  "UNRESCUING",
  "UNSHELVING",
  "VERIFY_RESIZE",
] as const;
export type OvhInstanceStatus = (typeof OVH_INSTANCE_STATUSES)[number];

/** Only the fields we read; OVH adds more (flavor, image, planCode …). */
export const ovhInstance = z.object({
  id: z.string().min(1),
  name: z.string(),
  region: z.string().min(1),
  status: z.enum(OVH_INSTANCE_STATUSES),
  created: z.string(),
  ipAddresses: z.array(z.object({ ip: z.string(), type: z.string(), version: z.number().int() })),
});
export type OvhInstance = z.infer<typeof ovhInstance>;

export const ovhFlavor = z.object({
  id: z.string().min(1),
  name: z.string(),
  region: z.string(),
  available: z.boolean(),
});

export const ovhImage = z.object({
  id: z.string().min(1),
  name: z.string(),
  region: z.string(),
  status: z.string(),
});

/** The answer of a `void` operation: OVH sends `null` (or nothing, with 204). */
export const ovhVoid = z.null().optional();

/** OVH's error body (not in its schema: as python-ovh and go-ovh read it). */
export const ovhErrorBody = z.object({
  message: z.string(),
  errorCode: z.string().optional(),
  httpCode: z.string().optional(),
  class: z.string().optional(),
});

/** How an OVH status reads for us. */
export function providerState(status: OvhInstanceStatus): ProviderServerState {
  switch (status) {
    case "BUILD":
    case "BUILDING":
      return "BUILDING";
    case "ACTIVE":
      return "RUNNING";
    // Shelved, suspended or paused read as off too: not running, and nothing in progress.
    case "SHUTOFF":
    case "STOPPED":
    case "SHELVED":
    case "SHELVED_OFFLOADED":
    case "SUSPENDED":
    case "PAUSED":
      return "OFF";
    case "DELETING":
    case "DELETED":
    case "SOFT_DELETED":
      return "DELETING";
    case "ERROR":
    case "UNKNOWN":
      return "ERROR";
    default:
      return "BUSY";
  }
}
