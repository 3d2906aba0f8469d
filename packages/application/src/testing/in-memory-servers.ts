import {
  canTransition,
  isLiveServerStatus,
  type RatePeriod,
  type Server,
  type ServerStatusChange,
} from "@peykarband/domain";
import type { KeysetPageQuery } from "../ports/keyset-page.ts";
import {
  ProviderServerIdTaken,
  type PlaceOrderOutcome,
  type ServerChange,
  type ServerChangeOutcome,
  type ServerCursor,
  type ServerJob,
  type ServerListScope,
  type ServerPage,
  type ServerRepository,
} from "../ports/server.repository.ts";
import { keysetPage } from "./in-memory-keyset-page.ts";
import { roundTrip, type InMemoryWalletLedger } from "./in-memory-wallet-ledger.ts";

/**
 * Servers as the real store keeps them: each write awaits first, then checks and writes in one
 * synchronous step (one database transaction), so compare-and-set, quota, idempotency and the
 * ledger posting really race in tests. Jobs written with a change are kept in `jobs`, in order.
 */
export class InMemoryServerRepository implements ServerRepository {
  readonly rows = new Map<string, Server>();
  readonly changes: ServerStatusChange[] = [];
  readonly jobs: ServerJob[] = [];
  /** Each server's rate periods, as its meter would get them: the order's, then each resize's. */
  readonly rates = new Map<string, RatePeriod[]>();
  private readonly quotas = new Map<string, number>();

  constructor(private readonly ledger: InMemoryWalletLedger) {}

  async placeOrder(order: Parameters<ServerRepository["placeOrder"]>[0]): Promise<PlaceOrderOutcome> {
    await roundTrip();
    const { server } = order;
    const earlier = [...this.rows.values()].find(
      (s) => s.userId === server.userId && s.idempotencyKey === server.idempotencyKey,
    );
    if (earlier) return { status: "DUPLICATE", server: earlier };
    const live = [...this.rows.values()].filter(
      (s) => s.userId === server.userId && isLiveServerStatus(s.status),
    ).length;
    if (live >= order.quotaLimit) return { status: "QUOTA_EXCEEDED", limit: order.quotaLimit };
    const charged = this.ledger.write(order.charge, true);
    if (charged.status === "INSUFFICIENT_FUNDS")
      return { status: "INSUFFICIENT_FUNDS", balance: charged.balance };
    if (charged.status === "DUPLICATE")
      throw new Error(`order charge ${order.charge.reference} posted twice`);
    this.rows.set(server.id, server);
    this.changes.push({
      serverId: server.id,
      userId: server.userId,
      status: server.status,
      previousStatus: null,
      version: server.version,
      reason: null,
      occurredAt: server.createdAt,
    });
    this.jobs.push(order.job);
    this.rates.set(server.id, [order.rate]);
    return { status: "PLACED", server };
  }

  async change(change: ServerChange): Promise<ServerChangeOutcome> {
    await roundTrip();
    const server = this.rows.get(change.serverId) ?? null;
    if (!server || !change.from.includes(server.status)) return { status: "STALE", server };
    if (change.whileIdle && server.pendingOperation !== null) return { status: "STALE", server };
    if (change.to !== server.status && !canTransition(server.status, change.to)) {
      throw new Error(`illegal server transition ${server.status} -> ${change.to}`);
    }
    const providerServerId = change.changes?.providerServerId;
    if (
      providerServerId !== undefined &&
      [...this.rows.values()].some(
        (other) =>
          other.id !== server.id &&
          other.provider === server.provider &&
          other.providerServerId === providerServerId,
      )
    ) {
      throw new ProviderServerIdTaken(providerServerId);
    }
    if (change.ledger) {
      const posted = this.ledger.write(change.ledger, false);
      if (posted.status !== "POSTED") throw new Error(`${change.ledger.reference} posted twice`);
    }
    const defined = Object.fromEntries(
      Object.entries(change.changes ?? {}).filter(([, value]) => value !== undefined),
    );
    const next: Server = {
      ...server,
      ...defined,
      status: change.to,
      version: server.version + 1,
      updatedAt: change.at,
    };
    this.rows.set(server.id, next);
    if (change.rate) this.rates.set(server.id, [...(this.rates.get(server.id) ?? []), change.rate]);
    if (change.job) this.jobs.push(change.job);
    if (change.to === server.status) return { status: "CHANGED", server: next, change: null };
    const stored: ServerStatusChange = {
      serverId: server.id,
      userId: server.userId,
      status: change.to,
      previousStatus: server.status,
      version: next.version,
      reason: change.reason ?? null,
      occurredAt: change.at,
    };
    this.changes.push(stored);
    return { status: "CHANGED", server: next, change: stored };
  }

  async findById(id: string) {
    await roundTrip();
    return this.rows.get(id) ?? null;
  }

  async findByIds(ids: readonly string[]) {
    await roundTrip();
    return ids.map((id) => this.rows.get(id) ?? null);
  }

  async list(query: ServerListScope & KeysetPageQuery<ServerCursor>): Promise<ServerPage> {
    await roundTrip();
    const { items, hasMore } = keysetPage(this.inScope(query).sort(newestFirst), query, newestFirst);
    return { servers: items, hasMore };
  }

  async count(scope: ServerListScope) {
    await roundTrip();
    return this.inScope(scope).length;
  }

  private inScope(scope: ServerListScope): Server[] {
    return [...this.rows.values()].filter(
      (s) =>
        (scope.userId === null || s.userId === scope.userId) &&
        (!scope.filter?.statuses || scope.filter.statuses.includes(s.status)),
    );
  }

  async listLive(userId: string, limit: number) {
    await roundTrip();
    return [...this.rows.values()]
      .filter((s) => s.userId === userId && s.status !== "DELETED")
      .sort(newestFirst)
      .slice(0, limit);
  }

  async history(serverId: string) {
    await roundTrip();
    return this.changes.filter((c) => c.serverId === serverId);
  }

  async quotaOverride(userId: string) {
    return this.quotas.get(userId) ?? null;
  }

  async setQuotaOverride(userId: string, limit: number | null) {
    if (limit === null) this.quotas.delete(userId);
    else this.quotas.set(userId, limit);
  }

  /** Takes the jobs written so far, oldest first, as a worker would. */
  takeJobs(): ServerJob[] {
    return this.jobs.splice(0);
  }
}

function newestFirst(a: ServerCursor, b: ServerCursor): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  return byTime !== 0 ? byTime : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
