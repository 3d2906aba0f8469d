import type {
  DomainError,
  Image,
  Plan,
  Region,
  Result,
  Server,
  ServerStatus,
  ServerStatusChange,
  SshKey,
} from "@peykarband/domain";
import type { CountedPage, PageRequest } from "../ports/keyset-page.ts";
import type { ServerCursor, ServerJobData, ServerPage } from "../ports/server.repository.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AddSshKeyErrorCode, DeleteSshKeyErrorCode } from "../ssh-keys/ssh-key-errors.ts";
import type {
  OrderServerErrorCode,
  RebuildServerErrorCode,
  ResizeServerErrorCode,
  ServerActionErrorCode,
  SetServerQuotaErrorCode,
} from "./server-errors.ts";

export interface OrderServerInput {
  readonly name: string;
  readonly planId: string;
  readonly regionId: string;
  readonly imageId: string;
  readonly sshKeyIds: readonly string[];
  readonly idempotencyKey: string;
  /** A RESELLER orders for one of its customers: the server, its charge and quota are the customer's. */
  readonly customerId?: string | null;
}

export interface ServerActionInput {
  readonly serverId: string;
  /** A RESELLER acting on one of its customers' servers. */
  readonly customerId?: string | null;
}

/** One run of a servers.provision or servers.operate job, as the worker hands it over. */
export type ServerJobRun = ServerJobData & {
  readonly isLastAttempt: boolean;
  /**
   * False once the worker lost this run's lease (it stalled past it) and another worker may be
   * running the same job: the run must not call the provider to change anything from then on.
   */
  readonly holdsLease: () => boolean;
};

/** What a provisioning or operation job did; the worker logs it. */
export interface ServerJobReport {
  readonly serverId: string;
  /** The status the server ended the job in. */
  readonly status: ServerStatus;
  /** True when the job had nothing to do (already done by an earlier attempt). */
  readonly noop: boolean;
}

export interface OrphanSweepReport {
  /** Provider servers carrying our mark that were looked at. */
  readonly seen: number;
  /** Deleted at the provider: no live server of ours owns them (or a duplicate of one that does). */
  readonly deleted: readonly { provider: string; providerServerId: string; serverId: string | null }[];
  /** Could not be deleted now; the next sweep tries again. */
  readonly failed: number;
}

/** The opening state of a status stream and, after it, every newer change. */
export interface ServerStatusStream {
  /** Servers the viewer may watch, as stored when the stream opened. */
  readonly initial: readonly Server[];
  /** Changes of those servers (or of every server of the user when watching all), newer than `initial`. */
  readonly changes: AsyncIterableIterator<ServerStatusChange>;
}

type R<T, C extends string> = Promise<Result<T, DomainError<C>>>;

/**
 * The server use cases bound to their ports: what resolvers and worker jobs call. Mutations return
 * the server as stored right after the request (its job runs after), reads check ownership (a
 * CUSTOMER sees their own servers, SUPPORT and ADMIN every server).
 */
export interface ServerUseCases {
  regions(ctx: RequestContext): Promise<Region[]>;
  images(ctx: RequestContext): Promise<Image[]>;
  plans(input: { regionId?: string | null }, ctx: RequestContext): Promise<Plan[]>;
  regionsByIds(ids: readonly string[]): Promise<(Region | null)[]>;
  imagesByIds(ids: readonly string[]): Promise<(Image | null)[]>;
  plansByIds(ids: readonly string[]): Promise<(Plan | null)[]>;

  orderServer(input: OrderServerInput, ctx: RequestContext): R<{ server: Server }, OrderServerErrorCode>;
  powerOffServer(input: ServerActionInput, ctx: RequestContext): R<{ server: Server }, ServerActionErrorCode>;
  powerOnServer(input: ServerActionInput, ctx: RequestContext): R<{ server: Server }, ServerActionErrorCode>;
  rebootServer(input: ServerActionInput, ctx: RequestContext): R<{ server: Server }, ServerActionErrorCode>;
  rebuildServer(
    input: ServerActionInput & { imageId: string },
    ctx: RequestContext,
  ): R<{ server: Server }, RebuildServerErrorCode>;
  resizeServer(
    input: ServerActionInput & { planId: string },
    ctx: RequestContext,
  ): R<{ server: Server }, ResizeServerErrorCode>;
  deleteServer(input: ServerActionInput, ctx: RequestContext): R<{ server: Server }, ServerActionErrorCode>;

  /** Null when missing or not the viewer's to see. */
  findServer(id: string, ctx: RequestContext): Promise<Server | null>;
  /** The viewer's servers (every server for SUPPORT/ADMIN), newest first. */
  servers(
    input: {
      page: PageRequest<ServerCursor>;
      statuses?: readonly ServerStatus[];
      customerId?: string | null;
    },
    ctx: RequestContext,
  ): Promise<ServerPage & CountedPage>;
  /** Checks access at subscribe time; SERVER_NOT_FOUND for a server the viewer may not see. */
  serverStatusChanged(
    input: { serverId: string | null },
    ctx: RequestContext,
  ): R<ServerStatusStream, "SERVER_NOT_FOUND">;
  serverHistory(serverId: string, ctx: RequestContext): Promise<ServerStatusChange[] | null>;

  addSshKey(
    input: { name: string; publicKey: string },
    ctx: RequestContext,
  ): R<{ sshKey: SshKey }, AddSshKeyErrorCode>;
  sshKeys(ctx: RequestContext): Promise<SshKey[]>;
  deleteSshKey(
    input: { sshKeyId: string },
    ctx: RequestContext,
  ): R<{ sshKeyId: string }, DeleteSshKeyErrorCode>;
  /** ADMIN: a user's own server limit; null returns them to the default. */
  setServerQuota(
    input: { userId: string; limit: number | null },
    ctx: RequestContext,
  ): R<{ userId: string; limit: number }, SetServerQuotaErrorCode>;

  /** Worker: servers.provision and servers.operate jobs. Throws to have the job retried. */
  runServerJob(job: ServerJobRun, ctx: RequestContext): Promise<ServerJobReport>;
  /** Worker: the periodic sweep for provider servers nobody is billed for. */
  sweepOrphanServers(ctx: RequestContext): Promise<OrphanSweepReport>;
}
