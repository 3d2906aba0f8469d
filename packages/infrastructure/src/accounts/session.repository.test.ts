import type { AuditEvent } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { countStatements } from "../testing/statement-counter.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleAuditLog } from "../audit/audit-log.repository.ts";
import { DrizzleSessionRepository } from "./session.repository.ts";

const at = (iso: string) => new Date(iso);

const signedIn = (userId: string, id: string = randomUUID()): AuditEvent => ({
  id,
  action: "LOGIN_SUCCEEDED",
  actorId: userId,
  subjectId: userId,
  ip: "198.51.100.7",
  userAgent: "vitest",
  requestId: "req-test",
  details: { method: "password" },
  occurredAt: at("2026-03-21T08:00:00.000Z"),
});

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleSessionRepository on ${target.name}`, () => {
    let database: Database;
    let sessions: DrizzleSessionRepository;
    beforeAll(async () => {
      database = await target.open();
      sessions = new DrizzleSessionRepository(database.db);
    });
    afterAll(() => database?.close());

    const aFamily = (userId: string) => ({
      id: randomUUID(),
      userId,
      createdAt: at("2026-03-21T08:00:00.000Z"),
      expiresAt: at("2026-06-19T08:00:00.000Z"),
    });

    async function aSession() {
      const user = await insertUser(database);
      const family = aFamily(user.id);
      const firstToken = {
        tokenHash: `hash-${randomUUID()}`,
        issuedAt: family.createdAt,
        expiresAt: at("2026-04-20T08:00:00.000Z"),
      };
      const event = signedIn(user.id);
      await sessions.openFamily({ family, firstToken, event });
      return { user, family, token: { ...firstToken, familyId: family.id, userId: user.id }, event };
    }

    it("opens a family with its first refresh token and audit event, in one statement", async () => {
      const statements = countStatements(database);
      const { family, token, event } = await aSession();
      expect(statements.take()).toHaveLength(2); // the user fixture, then the session
      expect(await new DrizzleAuditLog(database.db).findById(event.id)).toEqual(event);
      expect(await sessions.findFamily(family.id)).toEqual({ ...family, revokedAt: null });
      expect((await sessions.findRefreshToken(token.tokenHash))?.familyId).toBe(family.id);
    });

    it("writes none of the three rows when one of them fails", async () => {
      const { user, event } = await aSession();
      const family = aFamily(user.id);
      const firstToken = {
        tokenHash: `hash-${randomUUID()}`,
        issuedAt: family.createdAt,
        expiresAt: family.expiresAt,
      };
      // The event id is taken: the audit insert fails, and with it the whole statement.
      await expect(
        sessions.openFamily({ family, firstToken, event: signedIn(user.id, event.id) }),
      ).rejects.toThrow();
      expect(await sessions.findFamily(family.id)).toBeNull();
      expect(await sessions.findRefreshToken(firstToken.tokenHash)).toBeNull();
    });
  });
}
