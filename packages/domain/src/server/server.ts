import type { CloudProviderName } from "../catalog/cloud-provider-name.ts";
import type { ServerStatus } from "./server-status.ts";

/** What a customer asked the server to do that has not finished yet. */
export const SERVER_OPERATIONS = ["POWER_OFF", "POWER_ON", "REBOOT", "REBUILD", "RESIZE", "DELETE"] as const;
export type ServerOperation = (typeof SERVER_OPERATIONS)[number];

/**
 * A customer's server. The row exists from the order on (PENDING) and is kept after deletion
 * (DELETED): billing and the audit trail need it.
 */
export interface Server {
  readonly id: string;
  readonly userId: string;
  /** The hostname the customer chose (RFC 1123 label); not unique. */
  readonly name: string;
  readonly status: ServerStatus;
  readonly provider: CloudProviderName;
  readonly planId: string;
  readonly regionId: string;
  readonly imageId: string;
  readonly sshKeyIds: readonly string[];
  /** The provider's id once created there; null before, and never reused. */
  readonly providerServerId: string | null;
  readonly ipv4: string | null;
  readonly ipv6: string | null;
  /** The operation under way (set with its job, cleared when it ends); null when idle. */
  readonly pendingOperation: ServerOperation | null;
  /** Why the server is FAILED (or why the last operation failed), for the customer and support. */
  readonly failureReason: string | null;
  /** Grows by one on every stored change: subscribers drop events not newer than what they read. */
  readonly version: number;
  readonly idempotencyKey: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** When billing stopped: the server reached DELETED. */
  readonly deletedAt: Date | null;
}

/** One stored status change: the server's history, and what subscribers are sent. */
export interface ServerStatusChange {
  readonly serverId: string;
  readonly userId: string;
  readonly status: ServerStatus;
  readonly previousStatus: ServerStatus | null;
  readonly version: number;
  readonly reason: string | null;
  readonly occurredAt: Date;
  /**
   * The server as stored right after this change, sent with published changes so that thousands of
   * subscribers need not each read it back; absent in the stored history.
   */
  readonly server?: Server;
}
