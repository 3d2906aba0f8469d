import {
  ProviderServerIdTaken,
  type IdGenerator,
  type PlaceOrderOutcome,
  type ServerChange,
  type ServerChangeOutcome,
  type ServerCursor,
  type ServerJob,
  type ServerListScope,
  type ServerPage,
  type ServerRepository,
} from "@peykarband/application";
import type { KeysetPageQuery } from "@peykarband/application";
import {
  canTransition,
  ENDED_SERVER_STATUSES,
  type LedgerTransaction,
  type RatePeriod,
  type Server,
  type ServerStatusChange,
  type VatRateBasisPoints,
} from "@peykarband/domain";
import { and, asc, count, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { serverQuotas, serverStatusChanges, servers } from "../database/schema.ts";
import { SystemClock } from "../system/system.clock.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";
import { followServerChange, openMeter } from "../billing/meter-writes.ts";
import { writeLedgerTransaction, type Tx } from "../wallet/ledger-write.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";
import { SharedReads } from "./shared-reads.ts";
import { report } from "../telemetry/observations.ts";
import { inScope } from "./server-list-scope.ts";
import { toServer, toServerRow, toStatus, toStatusChange } from "./server-rows.ts";
import { transactionSqlExecutor, type TransactionalJobSender } from "./transaction.sql-executor.ts";
import { writeStatusChange } from "./status-history.write.ts";

/** The first key of the advisory lock a user's orders take turns on (the second is the user). */
const ORDER_LOCK = 737_102_005;
/** What no longer counts against a quota. */
/** Thrown inside a transaction to roll it back and answer with an outcome instead. */
class Refused {
  constructor(readonly outcome: PlaceOrderOutcome) {}
}

export class DrizzleServerRepository implements ServerRepository {
  constructor(
    private readonly db: Db,
    /** The job queue; its `sendWith` writes the job in our transaction. */
    private readonly jobs: TransactionalJobSender,
    /** VAT_RATE_PERCENT in hundredths of a percent: a status change settles usage and its VAT. */
    private readonly vatRate: VatRateBasisPoints,
    private readonly entryIds: IdGenerator = new UuidV7Generator(new SystemClock()),
  ) {}

  private readonly liveReads = new SharedReads<Server[]>();

  async placeOrder(order: {
    readonly server: Server;
    readonly charge: LedgerTransaction;
    readonly rate: RatePeriod;
    readonly quotaLimit: number;
    readonly job: ServerJob;
  }): Promise<PlaceOrderOutcome> {
    const { server } = order;
    try {
      return await this.db.transaction(async (tx) => {
        // Orders of one user take turns from here to COMMIT, so two cannot both see room left;
        // an advisory lock rather than the users row, which sign-ins update.
        await tx.execute(
          sql`select 1 from (select pg_advisory_xact_lock(${ORDER_LOCK}::int4, hashtext(${server.userId}))) as locked`,
        );
        const earlier = await findByKey(tx, server.userId, server.idempotencyKey);
        if (earlier) return { status: "DUPLICATE", server: earlier };
        const [live] = await tx
          .select({ n: count() })
          .from(servers)
          .where(
            and(eq(servers.userId, server.userId), notInArray(servers.status, [...ENDED_SERVER_STATUSES])),
          );
        if ((live?.n ?? 0) >= order.quotaLimit) return { status: "QUOTA_EXCEEDED", limit: order.quotaLimit };

        const [inserted] = await tx
          .insert(servers)
          .values(toServerRow(server))
          .onConflictDoNothing({ target: [servers.userId, servers.idempotencyKey] })
          .returning();
        if (!inserted) {
          const stored = await findByKey(tx, server.userId, server.idempotencyKey);
          if (!stored) throw new Error(`server ${server.id} conflicted but is not stored`);
          return { status: "DUPLICATE", server: stored };
        }
        await writeStatusChange(tx, this.jobs, {
          serverId: server.id,
          version: server.version,
          userId: server.userId,
          status: server.status,
          previousStatus: null,
          reason: null,
          occurredAt: server.createdAt,
        });
        const charged = await writeLedgerTransaction(tx, order.charge, {
          guarded: true,
          entryIds: this.entryIds,
        });
        // The refused write aborted the transaction: roll it back, with everything above.
        if (charged.status === "INSUFFICIENT_FUNDS")
          throw new Refused({ status: "INSUFFICIENT_FUNDS", balance: charged.balance });
        if (charged.status === "DUPLICATE")
          throw new Error(`the order charge ${order.charge.reference} was posted before its server existed`);
        await openMeter(tx, {
          serverId: server.id,
          userId: server.userId,
          prepaidRials: -(order.charge.walletChanges().get(server.userId)?.amount ?? 0n),
          rate: order.rate,
        });
        await this.enqueue(tx, order.job);
        return { status: "PLACED", server: toServer(inserted) };
      });
    } catch (error) {
      if (error instanceof Refused) return error.outcome;
      throw error;
    }
  }

  async change(change: ServerChange): Promise<ServerChangeOutcome> {
    if (!isUuid(change.serverId)) return { status: "STALE", server: null };
    try {
      const outcome = await this.#change(change);
      if (outcome.status === "CHANGED" && outcome.change?.previousStatus === "PROVISIONING") {
        report("provisioningFinished", {
          cloud: outcome.server.provider.toLowerCase(),
          status: outcome.server.status,
          durationSeconds: (change.at.getTime() - outcome.server.createdAt.getTime()) / 1000,
        });
      }
      return outcome;
    } catch (error) {
      const { providerServerId } = change.changes ?? {};
      if (providerServerId !== undefined && violates(error, PROVIDER_SERVER_ID_UNIQUE))
        throw new ProviderServerIdTaken(providerServerId);
      throw error;
    }
  }

  #change(change: ServerChange): Promise<ServerChangeOutcome> {
    return this.db.transaction(async (tx) => {
      // The row lock orders concurrent changes; the status condition below is the compare-and-set.
      const [current] = await tx.select().from(servers).where(eq(servers.id, change.serverId)).for("update");
      const stale =
        !current ||
        !change.from.includes(toStatus(current.status)) ||
        (change.whileIdle === true && current.pendingOperation !== null);
      if (stale) return { status: "STALE", server: current ? toServer(current) : null };
      if (change.to !== current.status && !canTransition(toStatus(current.status), change.to)) {
        throw new Error(`illegal server transition ${current.status} -> ${change.to}`);
      }
      const fields = change.changes ?? {};
      const [row] = await tx
        .update(servers)
        .set({
          ...fields,
          // The row's check ties DELETED to deleted_at; a caller need not say it twice.
          ...(change.to === "DELETED" && fields.deletedAt === undefined ? { deletedAt: change.at } : {}),
          status: change.to,
          version: sql`${servers.version} + 1`,
          updatedAt: change.at,
        })
        .where(and(eq(servers.id, change.serverId), inArray(servers.status, [...change.from])))
        .returning();
      if (!row) throw new Error(`server ${change.serverId} changed under its row lock`);
      let statusChange: ServerStatusChange | null = null;
      if (row.status !== current.status) {
        statusChange = await writeStatusChange(tx, this.jobs, {
          serverId: row.id,
          version: row.version,
          userId: row.userId,
          status: toStatus(row.status),
          previousStatus: toStatus(current.status),
          reason: change.reason ?? null,
          occurredAt: change.at,
        });
      }
      await followServerChange(
        tx,
        {
          serverId: row.id,
          to: change.to,
          statusMoved: row.status !== current.status,
          at: change.at,
          ...(change.rate ? { rate: change.rate } : {}),
        },
        this.vatRate,
      );
      if (change.ledger) {
        const posted = await writeLedgerTransaction(tx, change.ledger, {
          guarded: false,
          entryIds: this.entryIds,
        });
        if (posted.status === "INSUFFICIENT_FUNDS") throw new Error("an unguarded post was refused");
      }
      if (change.job) await this.enqueue(tx, change.job);
      return { status: "CHANGED", server: toServer(row), change: statusChange };
    });
  }

  async findById(id: string): Promise<Server | null> {
    const [server] = await this.findByIds([id]);
    return server ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<(Server | null)[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    const rows =
      wanted.length === 0 ? [] : await this.db.select().from(servers).where(inArray(servers.id, wanted));
    const byId = new Map(rows.map((row) => [row.id, toServer(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(query: ServerListScope & KeysetPageQuery<ServerCursor>): Promise<ServerPage> {
    if (query.userId !== null && !isUuid(query.userId)) return { servers: [], hasMore: false };
    const { cursor } = query;
    if (cursor && !isUuid(cursor.id)) return { servers: [], hasMore: false };
    const backward = query.direction === "before";
    const position = cursor && sql`(${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
    const rows = await this.db
      .select()
      .from(servers)
      .where(
        and(
          inScope(query),
          position &&
            (backward
              ? sql`(${servers.createdAt}, ${servers.id}) > ${position}`
              : sql`(${servers.createdAt}, ${servers.id}) < ${position}`),
        ),
      )
      // The indexes are "desc nulls last"; backwards reads them from the other end.
      .orderBy(
        ...(backward
          ? [sql`${servers.createdAt} asc nulls first`, sql`${servers.id} asc nulls first`]
          : [sql`${servers.createdAt} desc nulls last`, sql`${servers.id} desc nulls last`]),
      )
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map(toServer);
    return { servers: backward ? page.reverse() : page, hasMore: rows.length > query.limit };
  }

  async count(scope: ServerListScope): Promise<number> {
    if (scope.userId !== null && !isUuid(scope.userId)) return 0;
    const [row] = await this.db.select({ n: count() }).from(servers).where(inScope(scope));
    return row!.n;
  }

  /** Shared by callers of the same user and limit (SharedReads): every caller gets a read started after its call. */
  listLive(userId: string, limit: number): Promise<Server[]> {
    if (!isUuid(userId)) return Promise.resolve([]);
    // Each caller its own array: the servers are immutable, the list is the caller's to change.
    return this.liveReads
      .read(`${userId}:${limit}`, () => this.readLive(userId, limit))
      .then((live) => [...live]);
  }

  private async readLive(userId: string, limit: number): Promise<Server[]> {
    const rows = await this.db
      .select()
      .from(servers)
      .where(and(eq(servers.userId, userId), sql`${servers.status} <> 'DELETED'`))
      .orderBy(sql`${servers.createdAt} desc nulls last`, sql`${servers.id} desc nulls last`)
      .limit(limit);
    return rows.map(toServer);
  }

  async history(serverId: string): Promise<ServerStatusChange[]> {
    if (!isUuid(serverId)) return [];
    const rows = await this.db
      .select()
      .from(serverStatusChanges)
      .where(eq(serverStatusChanges.serverId, serverId))
      .orderBy(asc(serverStatusChanges.version));
    return rows.map(toStatusChange);
  }

  async quotaOverride(userId: string): Promise<number | null> {
    if (!isUuid(userId)) return null;
    const [row] = await this.db
      .select({ limit: serverQuotas.limit })
      .from(serverQuotas)
      .where(eq(serverQuotas.userId, userId));
    return row?.limit ?? null;
  }

  async setQuotaOverride(userId: string, limit: number | null): Promise<void> {
    if (limit === null) {
      await this.db.delete(serverQuotas).where(eq(serverQuotas.userId, userId));
      return;
    }
    const now = new Date();
    await this.db
      .insert(serverQuotas)
      .values({ userId, limit, updatedAt: now })
      .onConflictDoUpdate({ target: serverQuotas.userId, set: { limit, updatedAt: now } });
  }

  private async enqueue(tx: Tx, job: ServerJob): Promise<void> {
    const id = await this.jobs.sendWith(transactionSqlExecutor(tx), job.name, { ...job.data });
    // Without its job a server would wait forever: refuse the whole write instead.
    if (id === null) throw new Error(`job queue ${job.name} refused the job (does the queue exist?)`);
  }
}

async function findByKey(tx: Tx, userId: string, idempotencyKey: string): Promise<Server | null> {
  const [row] = await tx
    .select()
    .from(servers)
    .where(and(eq(servers.userId, userId), eq(servers.idempotencyKey, idempotencyKey)));
  return row ? toServer(row) : null;
}

const PROVIDER_SERVER_ID_UNIQUE = "servers_provider_server_id_unique";

/** A unique violation of `constraint`. drizzle wraps the driver's error as `cause`; postgres.js names the constraint `constraint_name`, PGlite `constraint`. */
function violates(error: unknown, constraint: string): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (typeof cause !== "object" || cause === null) return false;
  const { code, constraint_name: postgresJs, constraint: pglite } = cause as Record<string, unknown>;
  return code === "23505" && (postgresJs === constraint || pglite === constraint);
}
