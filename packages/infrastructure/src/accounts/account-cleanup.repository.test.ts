import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { attemptThrottle, refreshTokens, sessionFamilies } from "../database/schema.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleAccountCleanup } from "./account-cleanup.repository.ts";

const WINDOW_SECONDS = 900;
const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleAccountCleanup on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(() => database?.close());

    async function aFamily(expiresInSeconds: number, tokenExpiresInSeconds: number[]) {
      const user = await insertUser(database);
      const family = {
        id: randomUUID(),
        userId: user.id,
        createdAt: secondsFromNow(-86_400),
        expiresAt: secondsFromNow(expiresInSeconds),
      };
      await database.db.insert(sessionFamilies).values(family);
      const tokens = tokenExpiresInSeconds.map((seconds) => ({
        tokenHash: `hash-${randomUUID()}`,
        familyId: family.id,
        userId: user.id,
        issuedAt: family.createdAt,
        expiresAt: secondsFromNow(seconds),
      }));
      await database.db.insert(refreshTokens).values(tokens);
      return { family, tokens };
    }

    const remaining = async () => ({
      throttle: (await database.db.select().from(attemptThrottle)).map((row) => row.key).sort(),
      families: (await database.db.select().from(sessionFamilies)).map((row) => row.id).sort(),
      tokens: (await database.db.select().from(refreshTokens)).map((row) => row.tokenHash).sort(),
    });

    it("deletes only what has expired", async () => {
      await database.db.insert(attemptThrottle).values([
        { key: "over", windowStartedAt: secondsFromNow(-WINDOW_SECONDS - 60), count: 7 },
        { key: "current", windowStartedAt: secondsFromNow(-WINDOW_SECONDS + 60), count: 3 },
      ]);
      const live = await aFamily(3600, [-60, 600]);
      await aFamily(-60, [-120, 1200]);

      expect(
        await new DrizzleAccountCleanup(database.db).deleteExpired({ attemptWindowSeconds: WINDOW_SECONDS }),
      ).toEqual({
        throttleWindows: 1,
        refreshTokens: 2,
        sessionFamilies: 1,
      });
      expect(await remaining()).toEqual({
        throttle: ["current"],
        families: [live.family.id],
        tokens: [live.tokens[1]!.tokenHash],
      });
    });

    it("finds nothing to do the second time", async () => {
      const before = await remaining();
      expect(
        await new DrizzleAccountCleanup(database.db).deleteExpired({ attemptWindowSeconds: WINDOW_SECONDS }),
      ).toEqual({
        throttleWindows: 0,
        refreshTokens: 0,
        sessionFamilies: 0,
      });
      expect(await remaining()).toEqual(before);
    });
  });
}
