import type { AuditEvent } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { auditEvents } from "../database/schema.ts";
import { FixedClock } from "../testing/fixed-clock.ts";
import { testDatabases } from "../testing/test-database.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";
import { DrizzleAuditLog } from "./audit-log.repository.ts";

/** Drizzle wraps the driver's error; the database's own message is its cause. */
async function failureOf(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
  return "succeeded";
}

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleAuditLog on ${target.name}`, () => {
    let database: Database;
    let audit: DrizzleAuditLog;
    const clock = new FixedClock();
    const ids = new UuidV7Generator(clock);
    beforeAll(async () => {
      database = await target.open();
      audit = new DrizzleAuditLog(database.db);
    });
    afterAll(() => database?.close());

    const anEvent = (overrides: Partial<AuditEvent> = {}): AuditEvent => {
      clock.advance(1);
      return {
        id: ids.newId(),
        action: "LOGIN_SUCCEEDED",
        actorId: null,
        subjectId: null,
        ip: "203.0.113.7",
        userAgent: "vitest",
        requestId: randomUUID(),
        details: {},
        occurredAt: clock.now(),
        ...overrides,
      };
    };

    it("records events and pages through them newest first by keyset, forwards and backwards", async () => {
      const actorId = randomUUID();
      const recorded = [];
      for (let i = 0; i < 5; i++) {
        const event = anEvent({ actorId, details: { attempt: String(i) } });
        await audit.record(event);
        recorded.push(event);
      }
      // Same instant, told apart by id.
      const twin = anEvent({ actorId, occurredAt: recorded[4]!.occurredAt });
      await audit.record(twin);
      const newestFirst = [twin, ...recorded.reverse()];

      const first = await audit.list({ limit: 4, actorId });
      expect(first).toEqual({ events: newestFirst.slice(0, 4), hasMore: true });
      const last = first.events.at(-1)!;
      const second = await audit.list({
        limit: 4,
        actorId,
        cursor: { occurredAt: last.occurredAt, id: last.id },
      });
      expect(second).toEqual({ events: newestFirst.slice(4), hasMore: false });

      // Backwards: the oldest first, then the ones just newer than the newest already seen.
      const oldest = await audit.list({ limit: 4, actorId, direction: "before" });
      expect(oldest).toEqual({ events: newestFirst.slice(2), hasMore: true });
      const newer = await audit.list({ limit: 4, actorId, direction: "before", cursor: oldest.events[0]! });
      expect(newer).toEqual({ events: newestFirst.slice(0, 2), hasMore: false });
      // The twin shares the newest instant: only the id tells it from its neighbour.
      const beforeTwin = await audit.list({
        limit: 1,
        actorId,
        direction: "before",
        cursor: newestFirst[1]!,
      });
      expect(beforeTwin).toEqual({ events: [twin], hasMore: false });
    });

    it("finds one event by id, and nothing for an unknown or malformed id", async () => {
      const event = anEvent({ action: "ROLE_CHANGED", details: { from: "CUSTOMER", to: "ADMIN" } });
      await audit.record(event);
      expect(await audit.findById(event.id)).toEqual(event);
      expect(await audit.findById(ids.newId())).toBeNull();
      expect(await audit.findById("' OR 1=1 --")).toBeNull();
    });

    it("filters by actor and by subject", async () => {
      const actorId = randomUUID();
      const subjectId = randomUUID();
      const changed = anEvent({
        action: "ROLE_CHANGED",
        actorId,
        subjectId,
        details: { from: "CUSTOMER", to: "SUPPORT" },
      });
      await audit.record(changed);
      await audit.record(anEvent({ actorId: subjectId }));
      expect((await audit.list({ limit: 10, actorId })).events).toEqual([changed]);
      expect((await audit.list({ limit: 10, subjectId })).events).toEqual([changed]);
    });

    it("refuses to change or remove a recorded event", async () => {
      const event = anEvent();
      await audit.record(event);
      const update = database.db.update(auditEvents).set({ action: "LOGIN_FAILED" });
      expect(await failureOf(update.where(eq(auditEvents.id, event.id)))).toMatch(/append-only: UPDATE/);
      expect(await failureOf(database.db.delete(auditEvents).where(eq(auditEvents.id, event.id)))).toMatch(
        /append-only: DELETE/,
      );
      expect(await failureOf(database.db.execute(sql`truncate audit_events`))).toMatch(
        /append-only: TRUNCATE/,
      );
      const [row] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, event.id));
      expect(row?.action).toBe("LOGIN_SUCCEEDED");
    });
  });
}
