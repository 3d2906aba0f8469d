import type {
  Invoice,
  InvoiceCursor,
  InvoiceRepository,
  IssueInvoiceCommand,
  IssueInvoiceOutcome,
  KeysetPageQuery,
  MonthlyRevenue,
  OutstandingBalance,
  SuspendedServer,
  SuspendedServerCursor,
} from "@peykarband/application";
import type { InvoiceStatementLine } from "@peykarband/domain";
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, sql, count } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import {
  invoiceStatementLines,
  invoiceUsageLines,
  invoices,
  ledgerEntries,
  serverMeters,
  servers,
  serverUsagePostings,
  users,
  wallets,
} from "../database/schema.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";
import { statementLines } from "./invoice-contents.ts";
import { issueIn } from "./issue-invoice.write.ts";
import { toInvoice } from "./invoice-rows.ts";
import { toServer } from "../servers/server-rows.ts";
import type { TransactionalJobSender } from "../servers/transaction.sql-executor.ts";

export class DrizzleInvoiceRepository implements InvoiceRepository {
  constructor(
    private readonly db: Db,
    /** The job queue; its `sendWith` writes INVOICE_ISSUED's webhook jobs with the invoice. */
    private readonly jobs: TransactionalJobSender,
  ) {}

  async uninvoicedCustomers(period: IssueInvoiceCommand["period"]): Promise<string[]> {
    const { year, month } = period.month;
    const invoiced = sql`not exists (select 1 from ${invoices} where ${invoices.userId} = c.user_id
      and ${invoices.jalaliYear} = ${year} and ${invoices.jalaliMonth} = ${month})`;
    const usage = this.db
      .selectDistinct({ userId: serverMeters.userId })
      .from(serverUsagePostings)
      .innerJoin(serverMeters, eq(serverMeters.serverId, serverUsagePostings.serverId))
      .where(
        and(gte(serverUsagePostings.startsAt, period.start), lt(serverUsagePostings.startsAt, period.end)),
      );
    const movements = this.db
      .selectDistinct({ userId: sql<string>`${ledgerEntries.userId}`.as("user_id") })
      .from(ledgerEntries)
      .where(
        and(
          isNotNull(ledgerEntries.userId),
          gte(ledgerEntries.createdAt, period.start),
          lt(ledgerEntries.createdAt, period.end),
        ),
      );
    const rows = await this.db
      .select({ userId: sql<string>`c.user_id` })
      .from(sql`(${usage.union(movements)}) as c`)
      .where(invoiced)
      .orderBy(sql`c.user_id`);
    return rows.map((row) => row.userId);
  }

  issue(command: IssueInvoiceCommand): Promise<IssueInvoiceOutcome> {
    return this.db.transaction((tx) => issueIn(tx, this.jobs, command));
  }

  async findById(id: string): Promise<Invoice | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db.select().from(invoices).where(eq(invoices.id, id));
    return row ? (await this.withLines([row]))[0]! : null;
  }

  async page(
    userId: string,
    query: KeysetPageQuery<InvoiceCursor>,
  ): Promise<{ invoices: Invoice[]; hasMore: boolean }> {
    if (!isUuid(userId)) return { invoices: [], hasMore: false };
    const backward = query.direction === "before";
    const { cursor } = query;
    const beyond = cursor
      ? backward
        ? or(
            gt(invoices.periodStart, cursor.periodStart),
            and(eq(invoices.periodStart, cursor.periodStart), gt(invoices.id, cursor.id)),
          )
        : or(
            lt(invoices.periodStart, cursor.periodStart),
            and(eq(invoices.periodStart, cursor.periodStart), lt(invoices.id, cursor.id)),
          )
      : undefined;
    const rows = await this.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.userId, userId), beyond))
      .orderBy(
        ...(backward
          ? [asc(invoices.periodStart), asc(invoices.id)]
          : [desc(invoices.periodStart), desc(invoices.id)]),
      )
      .limit(query.limit + 1);
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    if (backward) page.reverse();
    return { invoices: await this.withLines(page), hasMore };
  }

  async count(userId: string): Promise<number> {
    if (!isUuid(userId)) return 0;
    const [row] = await this.db.select({ n: count() }).from(invoices).where(eq(invoices.userId, userId));
    return row!.n;
  }

  statement(userId: string, from: Date, until: Date): Promise<InvoiceStatementLine[]> {
    return isUuid(userId) ? statementLines(this.db, userId, from, until) : Promise.resolve([]);
  }

  async servers(serverIds: readonly string[]) {
    const wanted = serverIds.filter(isUuid);
    const rows =
      wanted.length === 0
        ? []
        : await this.db
            .select({
              id: servers.id,
              serverName: servers.name,
              regionId: servers.regionId,
              provider: servers.provider,
            })
            .from(servers)
            .where(inArray(servers.id, wanted));
    return new Map(rows.map(({ id, ...server }) => [id, server]));
  }

  async buyerEmail(userId: string): Promise<string | null> {
    if (!isUuid(userId)) return null;
    const [row] = await this.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    return row?.email ?? null;
  }

  async meteredServers(userId: string, from: Date): Promise<string[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.db
      .select({ serverId: serverMeters.serverId })
      .from(serverMeters)
      .where(
        and(
          eq(serverMeters.userId, userId),
          isNull(serverMeters.voidedAt),
          or(isNull(serverMeters.endsAt), gt(serverMeters.endsAt, from)),
        ),
      )
      .orderBy(asc(serverMeters.startedAt), asc(serverMeters.serverId));
    return rows.map((row) => row.serverId);
  }

  async outstandingBalances(limit: number): Promise<OutstandingBalance[]> {
    const rows = await this.db
      .select({ userId: wallets.userId, email: users.email, balance: wallets.balance })
      .from(wallets)
      .innerJoin(users, eq(users.id, wallets.userId))
      .where(lt(wallets.balance, 0n))
      .orderBy(asc(wallets.balance), asc(wallets.userId))
      .limit(limit);
    return rows.map((row) => ({ userId: row.userId, email: row.email, balanceRials: row.balance }));
  }

  async suspendedServers(
    limit: number,
    after: SuspendedServerCursor | null,
  ): Promise<{ servers: SuspendedServer[]; hasMore: boolean }> {
    const beyond = after
      ? or(
          lt(servers.createdAt, after.createdAt),
          and(eq(servers.createdAt, after.createdAt), lt(servers.id, after.id)),
        )
      : undefined;
    const rows = await this.db
      .select({ server: servers, ownerEmail: users.email })
      .from(servers)
      .innerJoin(users, eq(users.id, servers.userId))
      .where(and(eq(servers.status, "SUSPENDED"), beyond))
      .orderBy(desc(servers.createdAt), desc(servers.id))
      .limit(limit + 1);
    return {
      servers: rows
        .slice(0, limit)
        .map((row) => ({ server: toServer(row.server), ownerEmail: row.ownerEmail })),
      hasMore: rows.length > limit,
    };
  }

  async countSuspendedServers(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(servers).where(eq(servers.status, "SUSPENDED"));
    return row!.n;
  }

  async revenueByMonth(fromPeriodStart: Date): Promise<MonthlyRevenue[]> {
    const rows = await this.db
      .select({
        year: invoices.jalaliYear,
        month: invoices.jalaliMonth,
        provider: invoiceUsageLines.provider,
        subtotal: sql<string>`sum(${invoiceUsageLines.amountRials})::text`,
      })
      .from(invoiceUsageLines)
      .innerJoin(invoices, eq(invoices.id, invoiceUsageLines.invoiceId))
      .where(gte(invoices.periodStart, fromPeriodStart))
      .groupBy(invoices.jalaliYear, invoices.jalaliMonth, invoiceUsageLines.provider)
      .orderBy(desc(invoices.jalaliYear), desc(invoices.jalaliMonth), asc(invoiceUsageLines.provider));
    return rows.map((row) => ({
      month: { year: row.year, month: row.month },
      provider: row.provider,
      subtotalRials: BigInt(row.subtotal),
    }));
  }

  private async withLines(rows: (typeof invoices.$inferSelect)[]): Promise<Invoice[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [lines, statement] = await Promise.all([
      this.db
        .select()
        .from(invoiceUsageLines)
        .where(inArray(invoiceUsageLines.invoiceId, ids))
        .orderBy(asc(invoiceUsageLines.position)),
      this.db
        .select()
        .from(invoiceStatementLines)
        .where(inArray(invoiceStatementLines.invoiceId, ids))
        .orderBy(asc(invoiceStatementLines.position)),
    ]);
    return rows.map((row) =>
      toInvoice(
        row,
        lines.filter((line) => line.invoiceId === row.id),
        statement.filter((line) => line.invoiceId === row.id),
      ),
    );
  }
}
