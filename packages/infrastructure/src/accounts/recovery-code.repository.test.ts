import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleRecoveryCodeRepository } from "./recovery-code.repository.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleRecoveryCodeRepository on ${target.name}`, () => {
    let database: Database;
    let codes: DrizzleRecoveryCodeRepository;
    beforeAll(async () => {
      database = await target.open();
      codes = new DrizzleRecoveryCodeRepository(database.db);
    });
    afterAll(() => database?.close());

    it("consumes each code once, for its own user only", async () => {
      const user = await insertUser(database);
      const other = await insertUser(database);
      await codes.replaceAll(user.id, ["h1", "h2"]);
      expect(await codes.consume(other.id, "h1")).toBe(false);
      expect(await codes.consume(user.id, "h1")).toBe(true);
      expect(await codes.consume(user.id, "h1")).toBe(false);
      expect(await codes.consume(user.id, "h3")).toBe(false);
      expect(await codes.consume(user.id, "h2")).toBe(true);
    });

    it("replaces the whole set, used codes included", async () => {
      const user = await insertUser(database);
      await codes.replaceAll(user.id, ["old1", "old2"]);
      await codes.consume(user.id, "old1");
      await codes.replaceAll(user.id, ["new1", "old2"]);
      expect(await codes.consume(user.id, "old1")).toBe(false);
      expect(await codes.consume(user.id, "old2")).toBe(true);
      expect(await codes.consume(user.id, "new1")).toBe(true);
    });

    it("deletes all codes", async () => {
      const user = await insertUser(database);
      await codes.replaceAll(user.id, ["h1"]);
      await codes.deleteAll(user.id);
      expect(await codes.consume(user.id, "h1")).toBe(false);
      await codes.replaceAll(user.id, []);
    });

    it("lets exactly one of 20 concurrent uses of a code win", async () => {
      const user = await insertUser(database);
      await codes.replaceAll(user.id, ["h1"]);
      const results = await Promise.all(Array.from({ length: 20 }, () => codes.consume(user.id, "h1")));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
