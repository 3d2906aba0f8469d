import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../config/config-error.ts";
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

  const admin = () => postgres(process.env["DATABASE_URL"]!, { max: 1, onnotice: () => {} });
  const urlFor = (database: string, user?: string) => {
    const url = new URL(process.env["DATABASE_URL"]!);
    url.pathname = `/${database}`;
    if (user) {
      url.username = user;
      url.password = "not-a-secret";
    }
    return url.href;
  };

  it("creates the database DATABASE_URL names when it is missing, and says so", async () => {
    const name = `pk_created_${randomUUID().slice(0, 8)}`;
    const messages: string[] = [];
    const database = await openDatabase(
      { databaseUrl: urlFor(name), pgliteDir: "unused" },
      { log: (message) => messages.push(message) },
    );
    const sql = admin();
    try {
      await database.migrate();
      await database.ping();
      expect(messages).toEqual([expect.stringContaining(`Created the database "${name}"`)]);
    } finally {
      await database.close();
      await sql`drop database if exists ${sql(name)}`;
      await sql.end();
    }
  });

  it("names the missing database and the command to create it when this user may not", async () => {
    const name = `pk_missing_${randomUUID().slice(0, 8)}`;
    const role = `pk_nocreate_${randomUUID().slice(0, 8)}`;
    const sql = admin();
    await sql`create role ${sql(role)} login nocreatedb password 'not-a-secret'`;
    try {
      const opening = openDatabase({ databaseUrl: urlFor(name, role), pgliteDir: "unused" });
      await expect(opening).rejects.toBeInstanceOf(ConfigError);
      await expect(opening).rejects.toThrow(
        new RegExp(`DATABASE_URL: the database "${name}" does not exist.*CREATE DATABASE "${name}"`),
      );
      expect(await sql`select 1 from pg_database where datname = ${name}`).toHaveLength(0);
    } finally {
      await sql`drop role if exists ${sql(role)}`;
      await sql.end();
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
