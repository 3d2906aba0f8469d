import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { attemptThrottle } from "../database/schema.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleAttemptThrottle } from "./attempt-throttle.repository.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleAttemptThrottle on ${target.name}`, () => {
    let database: Database;
    let throttle: DrizzleAttemptThrottle;
    beforeAll(async () => {
      database = await target.open();
      throttle = new DrizzleAttemptThrottle(database.db);
    });
    afterAll(() => database?.close());

    /** The database's clock ends windows: move a window's start back instead of waiting it out. */
    const startWindowSecondsAgo = (key: string, seconds: number) =>
      database.db
        .update(attemptThrottle)
        .set({ windowStartedAt: sql`now() - make_interval(secs => ${seconds})` })
        .where(eq(attemptThrottle.key, key));

    it("allows `limit` attempts per window, then says how long to wait", async () => {
      const key = `account:${randomUUID()}`;
      for (let i = 0; i < 3; i++)
        expect(await throttle.consume(key, 3, 900)).toEqual({
          allowed: true,
          attempts: i + 1,
          retryAfterSeconds: 0,
          firstRefusal: false,
        });
      const refused = await throttle.consume(key, 3, 900);
      expect(refused.allowed).toBe(false);
      expect(refused.firstRefusal).toBe(true);
      expect((await throttle.consume(key, 3, 900)).firstRefusal).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(895);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
      expect((await throttle.consume(`account:${randomUUID()}`, 3, 900)).allowed).toBe(true);
    });

    it("starts a new window once the old one has ended", async () => {
      const key = `ip:${randomUUID()}`;
      expect((await throttle.consume(key, 1, 900)).allowed).toBe(true);
      expect((await throttle.consume(key, 1, 900)).allowed).toBe(false);

      await startWindowSecondsAgo(key, 600);
      const later = await throttle.consume(key, 1, 900);
      expect(later.allowed).toBe(false);
      expect(later.retryAfterSeconds).toBeGreaterThan(0);
      expect(later.retryAfterSeconds).toBeLessThanOrEqual(300);

      await startWindowSecondsAgo(key, 900);
      expect(await throttle.consume(key, 1, 900)).toEqual({
        allowed: true,
        attempts: 1,
        retryAfterSeconds: 0,
        firstRefusal: false,
      });
      expect((await throttle.consume(key, 1, 900)).firstRefusal).toBe(true);
    });

    it("forgets a key on reset", async () => {
      const key = `account:${randomUUID()}`;
      await throttle.consume(key, 1, 900);
      await throttle.reset(key);
      expect((await throttle.consume(key, 1, 900)).allowed).toBe(true);
    });

    it("gives one attempt back on refund, never going below zero", async () => {
      const key = `ip:${randomUUID()}`;
      await throttle.consume(key, 2, 900);
      await throttle.consume(key, 2, 900);
      await throttle.refund(key);
      expect(await throttle.consume(key, 2, 900)).toMatchObject({ allowed: true, attempts: 2 });
      for (let i = 0; i < 3; i++) await throttle.refund(key);
      expect(await throttle.consume(key, 2, 900)).toMatchObject({ allowed: true, attempts: 1 });
      await throttle.refund(`ip:${randomUUID()}`);
    });

    it("allows exactly `limit` of 50 concurrent attempts", async () => {
      const key = `account:${randomUUID()}`;
      const decisions = await Promise.all(Array.from({ length: 50 }, () => throttle.consume(key, 5, 900)));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    });
  });
}
