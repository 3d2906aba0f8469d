import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DrizzleUserRepository } from "../accounts/user.repository.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import type { Database } from "./database.ts";
import { DirectoryInUseError } from "./directory-lock.ts";
import { openDatabase } from "./open-database.ts";

describe("openDatabase in sandbox mode", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "pk-pglite-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps the embedded database on disk across restarts, and admits one holder at a time", async () => {
    const config = { databaseUrl: null, pgliteDir: join(dataDir, "pglite") };
    const first = await openDatabase(config);
    expect(first.kind).toBe("pglite");
    await expect(openDatabase(config)).rejects.toThrow(DirectoryInUseError);
    await first.migrate();
    const user = await insertUser(first);
    await first.close();

    const second = await openDatabase(config);
    try {
      await second.migrate();
      await second.ping();
      expect((await new DrizzleUserRepository(second.db).findById(user.id))?.email).toEqual(user.email);
    } finally {
      await second.close();
    }
  });
});

describe.skipIf(!process.env["DATABASE_URL"])("openDatabase with DATABASE_URL", () => {
  it("connects to PostgreSQL through postgres.js", async () => {
    const database = await openDatabase({ databaseUrl: process.env["DATABASE_URL"]!, pgliteDir: "unused" });
    try {
      expect(database.kind).toBe("postgres");
      await database.ping();
    } finally {
      await database.close();
    }
  });
});

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`migrations on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(() => database?.close());

    it("are idempotent, even when run concurrently", async () => {
      await Promise.all([database.migrate(), database.migrate()]);
      await database.ping();
    });
  });
}
