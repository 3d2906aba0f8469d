import type { AuditEvent } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { countStatements } from "../testing/statement-counter.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleAuditLog } from "./audit-log.repository.ts";
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

    it("stores a family and its refresh token", async () => {
      const { family, token } = await aSession();
      expect(await sessions.findFamily(family.id)).toEqual({ ...family, revokedAt: null });
      expect(await sessions.findRefreshToken(token.tokenHash)).toEqual({
        tokenHash: token.tokenHash,
        familyId: family.id,
        userId: token.userId,
        expiresAt: token.expiresAt,
        usedAt: null,
      });
      expect(await sessions.findFamily(randomUUID())).toBeNull();
      expect(await sessions.findRefreshToken("unknown")).toBeNull();
    });

    it("uses a refresh token once", async () => {
      const { token } = await aSession();
      const usedAt = at("2026-03-22T08:00:00.000Z");
      expect(await sessions.useRefreshToken(token.tokenHash, usedAt)).toMatchObject({
        tokenHash: token.tokenHash,
        usedAt,
      });
      expect(await sessions.useRefreshToken(token.tokenHash, usedAt)).toBeNull();
      expect(await sessions.useRefreshToken("unknown", usedAt)).toBeNull();
      expect((await sessions.findRefreshToken(token.tokenHash))?.usedAt).toEqual(usedAt);
    });

    it("lets exactly one of 20 concurrent refreshes with the same token win", async () => {
      const { token } = await aSession();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => sessions.useRefreshToken(token.tokenHash, new Date())),
      );
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    });

    it("revokes one family, keeping the first revocation time", async () => {
      const { family } = await aSession();
      await sessions.revokeFamily(family.id, at("2026-03-23T08:00:00.000Z"));
      await sessions.revokeFamily(family.id, at("2026-03-24T08:00:00.000Z"));
      expect((await sessions.findFamily(family.id))?.revokedAt).toEqual(at("2026-03-23T08:00:00.000Z"));
    });

    it("revokes every open family of a user and no one else's", async () => {
      const { user, family } = await aSession();
      const second = aFamily(user.id);
      await sessions.openFamily({
        family: second,
        firstToken: {
          tokenHash: `hash-${randomUUID()}`,
          issuedAt: family.createdAt,
          expiresAt: family.expiresAt,
        },
        event: signedIn(user.id),
      });
      const other = await aSession();
      await sessions.revokeAllForUser(user.id, at("2026-03-25T08:00:00.000Z"));
      expect((await sessions.findFamily(family.id))?.revokedAt).toEqual(at("2026-03-25T08:00:00.000Z"));
      expect((await sessions.findFamily(second.id))?.revokedAt).toEqual(at("2026-03-25T08:00:00.000Z"));
      expect((await sessions.findFamily(other.family.id))?.revokedAt).toBeNull();
    });
  });
}
