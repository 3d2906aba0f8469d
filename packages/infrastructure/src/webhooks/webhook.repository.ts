import type {
  KeysetPageQuery,
  NoticeContact,
  WebhookAttempt,
  WebhookCursor,
  WebhookRepository,
} from "@peykarband/application";
import { WEBHOOK_JOB_NAME } from "@peykarband/application";
import type { WebhookDelivery, WebhookEndpoint } from "@peykarband/domain";
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../database/database.ts";
import { webhookDeliveries, webhookEndpoints } from "../database/schema.ts";
import { noticeContact, writeNotification } from "../notifications/notification-outbox.write.ts";
import { transactionSqlExecutor, type TransactionalJobSender } from "../servers/transaction.sql-executor.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";
import { toDelivery, toEndpoint } from "./webhook-rows.ts";

/** Newest-first keyset paging on (created_at, id), as the other lists do. */
function keyset(createdAt: PgColumn, id: PgColumn, query: KeysetPageQuery<WebhookCursor>) {
  const backward = query.direction === "before";
  const { cursor } = query;
  const position = cursor && sql`(${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
  const where: SQL | undefined =
    position &&
    (backward ? sql`(${createdAt}, ${id}) > ${position}` : sql`(${createdAt}, ${id}) < ${position}`);
  const orderBy = backward ? [asc(createdAt), asc(id)] : [desc(createdAt), desc(id)];
  const page = <T>(rows: T[]) => {
    const kept = rows.slice(0, query.limit);
    return { items: backward ? kept.reverse() : kept, hasMore: rows.length > query.limit };
  };
  return { where, orderBy, limit: query.limit + 1, page };
}

export class DrizzleWebhookRepository implements WebhookRepository {
  constructor(
    private readonly db: Db,
    /** The job queue; its `sendWith` writes retries and redeliveries in our transaction. */
    private readonly jobs: TransactionalJobSender,
  ) {}

  async createEndpoint(endpoint: WebhookEndpoint & { sealedSecret: string }): Promise<void> {
    await this.db.insert(webhookEndpoints).values({ ...endpoint, events: [...endpoint.events] });
  }

  async countEndpoints(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.userId, userId));
    return row?.n ?? 0;
  }

  async listEndpoints(userId: string, query: KeysetPageQuery<WebhookCursor>) {
    const k = keyset(webhookEndpoints.createdAt, webhookEndpoints.id, query);
    const rows = await this.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.userId, userId), k.where))
      .orderBy(...k.orderBy)
      .limit(k.limit);
    const { items, hasMore } = k.page(rows);
    return { endpoints: items.map(toEndpoint), hasMore };
  }

  async deleteEndpoint(userId: string, id: string): Promise<WebhookEndpoint | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, userId)))
      .returning();
    return row ? toEndpoint(row) : null;
  }

  async listDeliveries(userId: string, endpointId: string, query: KeysetPageQuery<WebhookCursor>) {
    if (!isUuid(endpointId)) return null;
    const [owned] = await this.db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)));
    if (!owned) return null;
    const k = keyset(webhookDeliveries.createdAt, webhookDeliveries.id, query);
    const rows = await this.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, endpointId), k.where))
      .orderBy(...k.orderBy)
      .limit(k.limit);
    const { items, hasMore } = k.page(rows);
    return { deliveries: items.map(toDelivery), hasMore };
  }

  async countDeliveries(userId: string, endpointId: string): Promise<number> {
    if (!isUuid(endpointId)) return 0;
    const [row] = await this.db
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.userId, userId)));
    return row?.n ?? 0;
  }

  async findForAttempt(deliveryId: string) {
    if (!isUuid(deliveryId)) return null;
    const [row] = await this.db
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!row) return null;
    return {
      delivery: toDelivery(row.delivery),
      endpoint: toEndpoint(row.endpoint),
      sealedSecret: row.endpoint.sealedSecret,
    };
  }

  async abandon(deliveryId: string, reason: string): Promise<void> {
    await this.db
      .update(webhookDeliveries)
      .set({ status: "FAILED", lastError: reason })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "PENDING")));
  }

  ownerContact(userId: string): Promise<NoticeContact> {
    return noticeContact(this.db, userId);
  }

  recordAttempt(attempt: WebhookAttempt): Promise<boolean> {
    const { outcome } = attempt;
    return this.db.transaction(async (tx) => {
      // Compare-and-set on the attempt count: a second run of the same job records nothing.
      const recorded = await tx
        .update(webhookDeliveries)
        .set({
          attempts: attempt.attemptsBefore + 1,
          lastAttemptAt: attempt.at,
          responseStatus: attempt.responseStatus,
          responseTimeMs: attempt.responseTimeMs,
          lastError: attempt.error,
          status: outcome.status === "RETRY" ? "PENDING" : outcome.status,
        })
        .where(
          and(
            eq(webhookDeliveries.id, attempt.deliveryId),
            eq(webhookDeliveries.status, "PENDING"),
            eq(webhookDeliveries.attempts, attempt.attemptsBefore),
          ),
        )
        .returning({ id: webhookDeliveries.id });
      if (recorded.length === 0) return false;
      const succeeded = outcome.status === "SUCCEEDED";
      const { disableEndpoint } = attempt;
      const [wasEnabled] = await tx
        .update(webhookEndpoints)
        .set({
          failingSince: succeeded
            ? null
            : sql`coalesce(${webhookEndpoints.failingSince}, ${attempt.at.toISOString()}::timestamptz)`,
          ...(disableEndpoint ? { disabledAt: attempt.at, disabledReason: disableEndpoint.reason } : {}),
        })
        .where(and(eq(webhookEndpoints.id, attempt.endpointId), isNull(webhookEndpoints.disabledAt)))
        .returning({ id: webhookEndpoints.id });
      // Only the write that disabled it tells the owner: another delivery's run finds it disabled.
      if (disableEndpoint && wasEnabled) {
        for (const notice of disableEndpoint.notices) await writeNotification(tx, this.jobs, notice);
      }
      if (outcome.status === "RETRY") {
        await this.#enqueue(tx, attempt.deliveryId, outcome.retryInSeconds);
      }
      return true;
    });
  }

  async redeliver(
    userId: string,
    deliveryId: string,
    newId: string,
    at: Date,
  ): Promise<WebhookDelivery | null> {
    if (!isUuid(deliveryId)) return null;
    return this.db.transaction(async (tx) => {
      const [original] = await tx
        .select({ delivery: webhookDeliveries })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(
          and(
            eq(webhookDeliveries.id, deliveryId),
            eq(webhookDeliveries.userId, userId),
            isNull(webhookEndpoints.disabledAt),
          ),
        );
      if (!original) return null;
      const { endpointId, eventId, eventType, body } = original.delivery;
      const [row] = await tx
        .insert(webhookDeliveries)
        .values({
          id: newId,
          endpointId,
          userId,
          eventId,
          eventType,
          body,
          createdAt: at,
          redeliveryOf: deliveryId,
        })
        .returning();
      await this.#enqueue(tx, newId, 0);
      return toDelivery(row!);
    });
  }

  async #enqueue(
    tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
    deliveryId: string,
    startAfterSeconds: number,
  ) {
    const job = await this.jobs.sendWith(
      transactionSqlExecutor(tx),
      WEBHOOK_JOB_NAME,
      { deliveryId },
      {
        startAfterSeconds,
      },
    );
    // A delivery without its job would never be attempted: refuse the whole write instead.
    if (job === null)
      throw new Error(`job queue ${WEBHOOK_JOB_NAME} refused the job (does the queue exist?)`);
  }
}
