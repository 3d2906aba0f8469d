import type {
  CreatePaymentOutcome,
  IdGenerator,
  PaymentCursor,
  PaymentPage,
  PaymentRepository,
  PaymentSettlement,
  SettleOutcome,
} from "@peykarband/application";
import {
  isPaymentGatewayName,
  PAYMENT_STATUSES,
  paymentSucceededEvent,
  Rial,
  topUpReference,
  type Payment,
  type PaymentGatewayName,
  type PaymentStatus,
} from "@peykarband/domain";
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, sql, count } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { report } from "../telemetry/observations.ts";
import { payments } from "../database/schema.ts";
import { SystemClock } from "../system/system.clock.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";
import type { TransactionalJobSender } from "../servers/transaction.sql-executor.ts";
import { writeLedgerTransaction } from "../wallet/ledger-write.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";
import { writeWebhookDeliveries } from "../webhooks/webhook-event.writer.ts";

type PaymentRow = typeof payments.$inferSelect;

export class DrizzlePaymentRepository implements PaymentRepository {
  constructor(
    private readonly db: Db,
    /** The job queue; its `sendWith` writes PAYMENT_SUCCEEDED's webhook jobs with the credit. */
    private readonly jobs: TransactionalJobSender,
    private readonly entryIds: IdGenerator = new UuidV7Generator(new SystemClock()),
  ) {}

  async create(payment: Payment): Promise<CreatePaymentOutcome> {
    const [row] = await this.db
      .insert(payments)
      .values(toRow(payment))
      // Only the idempotency key is an expected conflict; a duplicate id is a bug and still throws.
      .onConflictDoNothing({ target: [payments.userId, payments.idempotencyKey] })
      .returning();
    if (row) return { created: true, payment: toPayment(row) };
    const [existing] = await this.db
      .select()
      .from(payments)
      .where(and(eq(payments.userId, payment.userId), eq(payments.idempotencyKey, payment.idempotencyKey)));
    if (!existing) throw new Error(`payment idempotency key conflicted but is not stored`);
    return { created: false, existing: toPayment(existing) };
  }

  async attachAuthority(
    paymentId: string,
    session: { authority: string; redirectUrl: string },
  ): Promise<Payment | null> {
    if (!isUuid(paymentId)) return null;
    try {
      const [row] = await this.db
        .update(payments)
        .set({ authority: session.authority, redirectUrl: session.redirectUrl })
        .where(and(eq(payments.id, paymentId), eq(payments.status, "PENDING"), isNull(payments.authority)))
        .returning();
      return row ? toPayment(row) : null;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findById(id: string): Promise<Payment | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db.select().from(payments).where(eq(payments.id, id));
    return row ? toPayment(row) : null;
  }

  async findByGatewayReference(gateway: PaymentGatewayName, authority: string): Promise<Payment | null> {
    const [row] = await this.db
      .select()
      .from(payments)
      .where(and(eq(payments.gateway, gateway), eq(payments.authority, authority)));
    return row ? toPayment(row) : null;
  }

  settle(paymentId: string, settlement: PaymentSettlement): Promise<SettleOutcome> {
    return this.#settleFrom(["PENDING"], paymentId, settlement);
  }

  settleLatePayment(
    paymentId: string,
    settlement: Extract<PaymentSettlement, { status: "PAID" }>,
  ): Promise<SettleOutcome> {
    return this.#settleFrom(["FAILED", "CANCELLED"], paymentId, settlement);
  }

  async #settleFrom(
    from: readonly PaymentStatus[],
    paymentId: string,
    settlement: PaymentSettlement,
  ): Promise<SettleOutcome> {
    if (settlement.status === "PAID" && settlement.transaction.reference !== topUpReference(paymentId)) {
      // The reference ties the credit to the payment: with its unique index, a payment credits once.
      throw new Error(`payment ${paymentId} settled with the credit of ${settlement.transaction.reference}`);
    }
    if (!isUuid(paymentId)) throw new Error(`no payment ${paymentId}`);
    const outcome = await this.db.transaction(async (tx): Promise<SettleOutcome> => {
      const [row] = await tx
        .update(payments)
        .set(settledColumns(settlement))
        .where(and(eq(payments.id, paymentId), inArray(payments.status, [...from])))
        .returning();
      if (!row) {
        const [current] = await tx.select().from(payments).where(eq(payments.id, paymentId));
        if (!current) throw new Error(`no payment ${paymentId}`);
        return { payment: toPayment(current), settled: false };
      }
      if (settlement.status === "PAID") {
        const posted = await writeLedgerTransaction(tx, settlement.transaction, {
          guarded: false,
          entryIds: this.entryIds,
        });
        // An unpaid payment whose credit exists is a broken store: roll the status back, loudly.
        if (posted.status !== "POSTED") throw new Error(`credit for payment ${paymentId} already posted`);
        const paid = toPayment(row);
        await writeWebhookDeliveries(
          tx,
          this.jobs,
          paymentSucceededEvent({ ...paid, paidAt: settlement.at }),
        );
      }
      return { payment: toPayment(row), settled: true };
    });
    if (outcome.settled)
      report("paymentSettled", {
        gateway: outcome.payment.gateway.toLowerCase(),
        status: outcome.payment.status,
      });
    return outcome;
  }

  async listByUser(query: {
    userId: string | null;
    limit: number;
    direction?: "after" | "before";
    cursor?: PaymentCursor;
  }): Promise<PaymentPage> {
    if (query.userId !== null && !isUuid(query.userId)) return { payments: [], hasMore: false };
    const { cursor } = query;
    const backward = query.direction === "before";
    const position = cursor && sql`(${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
    const rows = await this.db
      .select()
      .from(payments)
      .where(
        and(
          query.userId === null ? undefined : eq(payments.userId, query.userId),
          position &&
            (backward
              ? sql`(${payments.createdAt}, ${payments.id}) > ${position}`
              : sql`(${payments.createdAt}, ${payments.id}) < ${position}`),
        ),
      )
      // The index is "desc nulls last"; plain DESC (nulls first) would not use it, and backwards
      // its exact reverse, "asc nulls first", reads it from the other end.
      .orderBy(
        ...(backward
          ? [sql`${payments.createdAt} asc nulls first`, sql`${payments.id} asc nulls first`]
          : [sql`${payments.createdAt} desc nulls last`, sql`${payments.id} desc nulls last`]),
      )
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map(toPayment);
    return { payments: backward ? page.reverse() : page, hasMore: rows.length > query.limit };
  }

  async countByUser(userId: string | null): Promise<number> {
    if (userId !== null && !isUuid(userId)) return 0;
    const [row] = await this.db
      .select({ n: count() })
      .from(payments)
      .where(userId === null ? undefined : eq(payments.userId, userId));
    return row!.n;
  }

  async listPending(query: { createdBefore: Date; limit: number }): Promise<Payment[]> {
    const rows = await this.db
      .select()
      .from(payments)
      .where(and(eq(payments.status, "PENDING"), lt(payments.createdAt, query.createdBefore)))
      .orderBy(asc(payments.createdAt), asc(payments.id))
      .limit(query.limit);
    return rows.map(toPayment);
  }

  async listRecentlyUnpaid(query: {
    createdAfter: Date;
    exceptReasons: readonly string[];
    limit: number;
  }): Promise<Payment[]> {
    const rows = await this.db
      .select()
      .from(payments)
      .where(
        and(
          inArray(payments.status, ["FAILED", "CANCELLED"]),
          gte(payments.createdAt, query.createdAfter),
          isNotNull(payments.authority),
          query.exceptReasons.length > 0
            ? or(isNull(payments.failureReason), notInArray(payments.failureReason, [...query.exceptReasons]))
            : undefined,
        ),
      )
      .orderBy(asc(payments.createdAt), asc(payments.id))
      .limit(query.limit);
    return rows.map(toPayment);
  }
}

function settledColumns(settlement: PaymentSettlement): Partial<PaymentRow> {
  switch (settlement.status) {
    case "PAID":
      return {
        status: "PAID",
        failureReason: null,
        referenceId: settlement.referenceId,
        paidAt: settlement.at,
        closedAt: settlement.at,
      };
    case "FAILED":
      return { status: "FAILED", failureReason: settlement.reason, closedAt: settlement.at };
    case "CANCELLED":
      return { status: "CANCELLED", closedAt: settlement.at };
  }
}

/** Both drivers' errors carry PostgreSQL's SQLSTATE; drizzle wraps them as `cause`. */
function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return typeof cause === "object" && cause !== null && (cause as { code?: unknown }).code === "23505";
}

function toRow(payment: Payment): typeof payments.$inferInsert {
  return { ...payment, amount: payment.amount.amount };
}

const isStatus = (value: string): value is PaymentStatus =>
  (PAYMENT_STATUSES as readonly string[]).includes(value);

function toPayment(row: PaymentRow): Payment {
  const { gateway, status } = row;
  if (!isPaymentGatewayName(gateway)) throw new Error(`stored payment gateway is unknown: ${gateway}`);
  if (!isStatus(status)) throw new Error(`stored payment status is unknown: ${status}`);
  return { ...row, gateway, status, amount: Rial.of(row.amount) };
}
