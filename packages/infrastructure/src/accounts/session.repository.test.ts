import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleSessionRepository } from "./session.repository.ts";

const at = (iso: string) => new Date(iso);

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleSessionRepository on ${target.name}`, () => {
    let database: Database;
    let sessions: DrizzleSessionRepository;
    beforeAll(async () => {
      database = await target.open();
      sessions = new DrizzleSessionRepository(database.db);
    });
    afterAll(() => database?.close());

    async function aSession() {
      const user = await insertUser(database);
      const family = {
        id: randomUUID(),
        userId: user.id,
        createdAt: at("2026-03-21T08:00:00.000Z"),
        expiresAt: at("2026-06-19T08:00:00.000Z"),
      };
      await sessions.createFamily(family);
      const token = {
        tokenHash: `hash-${randomUUID()}`,
        familyId: family.id,
        userId: user.id,
        issuedAt: family.createdAt,
        expiresAt: at("2026-04-20T08:00:00.000Z"),
      };
      await sessions.addRefreshToken(token);
      return { user, family, token };
    }

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
      const second = {
        id: randomUUID(),
        userId: user.id,
        createdAt: family.createdAt,
        expiresAt: family.expiresAt,
      };
      await sessions.createFamily(second);
      const other = await aSession();
      await sessions.revokeAllForUser(user.id, at("2026-03-25T08:00:00.000Z"));
      expect((await sessions.findFamily(family.id))?.revokedAt).toEqual(at("2026-03-25T08:00:00.000Z"));
      expect((await sessions.findFamily(second.id))?.revokedAt).toEqual(at("2026-03-25T08:00:00.000Z"));
      expect((await sessions.findFamily(other.family.id))?.revokedAt).toBeNull();
    });
  });
}
