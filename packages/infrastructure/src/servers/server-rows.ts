import {
  isCloudProviderName,
  isServerStatus,
  SERVER_OPERATIONS,
  type Server,
  type ServerOperation,
  type ServerStatus,
  type ServerStatusChange,
} from "@peykarband/domain";
import type { serverStatusChanges, servers } from "../database/schema.ts";

export type ServerRow = typeof servers.$inferSelect;
export type ServerStatusChangeRow = typeof serverStatusChanges.$inferSelect;

export function toStatus(value: string): ServerStatus {
  if (!isServerStatus(value)) throw new Error(`stored server status is unknown: ${value}`);
  return value;
}

function toOperation(value: string | null): ServerOperation | null {
  if (value === null) return null;
  if (!(SERVER_OPERATIONS as readonly string[]).includes(value))
    throw new Error(`stored server operation is unknown: ${value}`);
  return value as ServerOperation;
}

export function toServer(row: ServerRow): Server {
  if (!isCloudProviderName(row.provider))
    throw new Error(`stored server provider is unknown: ${row.provider}`);
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    status: toStatus(row.status),
    provider: row.provider,
    planId: row.planId,
    regionId: row.regionId,
    imageId: row.imageId,
    sshKeyIds: row.sshKeyIds,
    providerServerId: row.providerServerId,
    ipv4: row.ipv4,
    ipv6: row.ipv6,
    pendingOperation: toOperation(row.pendingOperation),
    failureReason: row.failureReason,
    version: row.version,
    idempotencyKey: row.idempotencyKey,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

export function toServerRow(server: Server): ServerRow {
  return { ...server, sshKeyIds: [...server.sshKeyIds] };
}

export function toStatusChange(row: ServerStatusChangeRow): ServerStatusChange {
  return {
    serverId: row.serverId,
    userId: row.userId,
    status: toStatus(row.status),
    previousStatus: row.previousStatus === null ? null : toStatus(row.previousStatus),
    version: row.version,
    reason: row.reason,
    occurredAt: row.occurredAt,
  };
}
