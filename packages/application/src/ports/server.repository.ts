import type {
  LedgerTransaction,
  RatePeriod,
  Rial,
  Server,
  ServerOperation,
  ServerStatus,
  ServerStatusChange,
} from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";

/** A durable job written in the same database transaction as the server change it is about. */
export interface ServerJob {
  readonly name: (typeof SERVER_JOB_NAMES)[keyof typeof SERVER_JOB_NAMES];
  readonly data: ServerJobData;
}

export const SERVER_JOB_NAMES = {
  provision: "servers.provision",
  operate: "servers.operate",
} as const;

export interface ServerJobData {
  readonly serverId: string;
  /** The operation this job carries out; "PROVISION" for servers.provision. */
  readonly operation: ServerOperation | "PROVISION";
  /** REBUILD: our image id. RESIZE: our plan id. */
  readonly targetId?: string;
}

export type PlaceOrderOutcome =
  | { readonly status: "PLACED"; readonly server: Server }
  /** The user ordered with this idempotency key before: nothing was written; that server. */
  | { readonly status: "DUPLICATE"; readonly server: Server }
  /** The user's live servers (not DELETED, not FAILED) already reach `limit`: nothing was written. */
  | { readonly status: "QUOTA_EXCEEDED"; readonly limit: number }
  /** The first charge would overdraw the wallet: nothing was written. */
  | { readonly status: "INSUFFICIENT_FUNDS"; readonly balance: Rial };

/** Fields a change may set besides the status. Undefined leaves a field as it is; null clears it. */
export interface ServerChanges {
  readonly providerServerId?: string;
  readonly ipv4?: string | null;
  readonly ipv6?: string | null;
  readonly planId?: string;
  readonly imageId?: string;
  readonly pendingOperation?: ServerOperation | null;
  readonly failureReason?: string | null;
  readonly deletedAt?: Date;
}

export interface ServerChange {
  readonly serverId: string;
  /** Compare-and-set: the change applies only while the stored status is one of these. */
  readonly from: readonly ServerStatus[];
  /**
   * Also compare-and-set on the pending operation: the change applies only while none is pending.
   * How a new operation claims the server, so two requests cannot both start one.
   */
  readonly whileIdle?: boolean;
  /** The new status; the same as the current one for a change of fields only (no history row then). */
  readonly to: ServerStatus;
  readonly changes?: ServerChanges;
  /** Why, for the history (FAILED: the provider's message). */
  readonly reason?: string;
  readonly at: Date;
  /**
   * The server's new price from `at` on (a confirmed resize): its meter gets a new rate period.
   * Whatever the change, the meter follows the status in the same transaction (DELETED stops it,
   * FAILED voids it) and its usage is settled up to `at` (docs/billing.md).
   */
  readonly rate?: RatePeriod;
  /** Posted in the same transaction, unguarded (a refund when a server FAILS; never a debit). */
  readonly ledger?: LedgerTransaction;
  /** Enqueued in the same transaction (the next operation's job). */
  readonly job?: ServerJob;
}

export type ServerChangeOutcome =
  /** Stored; `change` is what subscribers are sent when the status moved, else null. */
  | { readonly status: "CHANGED"; readonly server: Server; readonly change: ServerStatusChange | null }
  /** The stored status was not in `from`, an operation was pending under `whileIdle`, or the server is gone: nothing was written. */
  | { readonly status: "STALE"; readonly server: Server | null };

/**
 * Thrown by `change` when `changes.providerServerId` is already another server's at that provider.
 * A provider never hands one id out twice, so trying again cannot store it: the server this change
 * is about cannot be provisioned.
 */
export class ProviderServerIdTaken extends Error {
  constructor(readonly providerServerId: string) {
    super(`provider server ${providerServerId} already belongs to another server`);
    this.name = "ProviderServerIdTaken";
  }
}

export interface ServerCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface ServerPage {
  /** Newest first. */
  readonly servers: Server[];
  readonly hasMore: boolean;
}

export interface ServerListFilter {
  readonly statuses?: readonly ServerStatus[];
}

/** One user's servers, or everyone's when `userId` is null, optionally filtered. */
export interface ServerListScope {
  readonly userId: string | null;
  readonly filter?: ServerListFilter;
}

/**
 * Servers and their history. Every write is one database transaction; the status history row, the
 * version bump, the ledger posting and the job of a change commit together or not at all.
 */
export interface ServerRepository {
  /**
   * The order, all or nothing, in ONE transaction: lock the user's quota (so concurrent orders
   * cannot pass it together), check the idempotency key (unique (user_id, idempotency_key)),
   * count live servers, insert the PENDING server and its first history row, post `charge` with
   * the overdraft guard (it becomes the meter's prepayment), open the server's meter at `rate`,
   * and enqueue `job`.
   */
  placeOrder(order: {
    readonly server: Server;
    readonly charge: LedgerTransaction;
    readonly rate: RatePeriod;
    readonly quotaLimit: number;
    readonly job: ServerJob;
  }): Promise<PlaceOrderOutcome>;
  /**
   * A status change (or field change) as compare-and-set; see ServerChange. Throws
   * ProviderServerIdTaken, having written nothing, when the provider server id is another server's.
   */
  change(change: ServerChange): Promise<ServerChangeOutcome>;
  findById(id: string): Promise<Server | null>;
  /** In the order of `ids`; null where there is none. For DataLoaders and subscriptions. */
  findByIds(ids: readonly string[]): Promise<(Server | null)[]>;
  /** One user's servers, or everyone's when `userId` is null; newest first, keyset-paged. */
  list(query: ServerListScope & KeysetPageQuery<ServerCursor>): Promise<ServerPage>;
  /** How many servers `list` pages through in the same scope. */
  count(scope: ServerListScope): Promise<number>;
  /** Every server of a user that is not DELETED: the stream's opening state. At most `limit`. */
  listLive(userId: string, limit: number): Promise<Server[]>;
  /** The server's status history, oldest first. */
  history(serverId: string): Promise<ServerStatusChange[]>;
  /** The user's own limit, or null to use the policy's default. */
  quotaOverride(userId: string): Promise<number | null>;
  setQuotaOverride(userId: string, limit: number | null): Promise<void>;
}
