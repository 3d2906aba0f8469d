import type { AuditEvent } from "@peykarband/domain";
import type { AuditCursor, AuditFilter, AuditLog } from "../ports/audit-log.ts";
import type { KeysetPageQuery } from "../ports/keyset-page.ts";
import type { AttemptThrottle } from "../ports/login-throttle.ts";
import type { RecoveryCodeRepository } from "../ports/recovery-code.repository.ts";
import type { Clock } from "../ports/system.ts";
import { keysetPage } from "./in-memory-keyset-page.ts";

export class InMemoryRecoveryCodes implements RecoveryCodeRepository {
  readonly codes = new Map<string, Map<string, boolean>>();

  async replaceAll(userId: string, codeHashes: readonly string[]) {
    this.codes.set(userId, new Map(codeHashes.map((hash) => [hash, false])));
  }

  async consume(userId: string, codeHash: string) {
    const codes = this.codes.get(userId);
    if (!codes || codes.get(codeHash) !== false) return false;
    codes.set(codeHash, true);
    return true;
  }

  async deleteAll(userId: string) {
    this.codes.delete(userId);
  }
}

export class InMemoryThrottle implements AttemptThrottle {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  async consume(key: string, limit: number, windowSeconds: number) {
    const now = this.clock.now().getTime();
    const current = this.windows.get(key);
    const window =
      current && now - current.startedAt < windowSeconds * 1000
        ? { ...current, count: current.count + 1 }
        : { startedAt: now, count: 1 };
    this.windows.set(key, window);
    const retryAfterSeconds = Math.ceil((window.startedAt + windowSeconds * 1000 - now) / 1000);
    return {
      allowed: window.count <= limit,
      attempts: window.count,
      retryAfterSeconds: window.count <= limit ? 0 : retryAfterSeconds,
      firstRefusal: window.count === limit + 1,
    };
  }

  async refund(key: string) {
    const window = this.windows.get(key);
    if (window) this.windows.set(key, { ...window, count: Math.max(0, window.count - 1) });
  }

  async reset(key: string) {
    this.windows.delete(key);
  }
}

export class InMemoryAuditLog implements AuditLog {
  readonly events: AuditEvent[] = [];

  async record(event: AuditEvent) {
    this.events.push(event);
  }

  async findById(id: string) {
    return this.events.find((e) => e.id === id) ?? null;
  }

  async list(query: AuditFilter & KeysetPageQuery<AuditCursor>) {
    const { items, hasMore } = keysetPage(this.matching(query).sort(newestFirst), query, newestFirst);
    return { events: items, hasMore };
  }

  async count(filter: AuditFilter) {
    return this.matching(filter).length;
  }

  private matching(filter: AuditFilter): AuditEvent[] {
    return this.events.filter(
      (e) =>
        (!filter.actorId || e.actorId === filter.actorId) &&
        (!filter.subjectId || e.subjectId === filter.subjectId),
    );
  }

  actions() {
    return this.events.map((e) => e.action);
  }
}

/** As the store orders them: time, then id, newest first. */
function newestFirst(a: AuditCursor, b: AuditCursor): number {
  const byTime = b.occurredAt.getTime() - a.occurredAt.getTime();
  return byTime !== 0 ? byTime : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
