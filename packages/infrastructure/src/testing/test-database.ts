import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { Database } from "../database/database.ts";
import { openPgliteDatabase } from "../database/pglite.database.ts";
import { openPostgresDatabase } from "../database/postgres.database.ts";

export interface TestDatabase {
  /** Shown in the test name; says why when the target is skipped. */
  readonly name: string;
  /** Non-null when this target cannot run here; use it with `describe.skipIf`. */
  readonly skipReason: string | null;
  /** A migrated, empty database of its own. `close()` discards it (the PostgreSQL one is dropped). */
  open(): Promise<Database>;
}

/**
 * The databases infrastructure tests run against: an in-memory PGlite, and a scratch database on
 * the PostgreSQL server at DATABASE_URL (skipped when it is unset; CI always sets it). Open once
 * per test file: PGlite takes seconds to start, and a database per file lets files run in parallel.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env["DATABASE_URL"];
  return [
    { name: "pglite", skipReason: null, open: openMigratedPglite },
    url
      ? { name: "postgresql", skipReason: null, open: () => openScratchPostgres(url) }
      : {
          name: "postgresql (skipped: DATABASE_URL is not set)",
          skipReason: "DATABASE_URL is not set",
          open: () => Promise.reject(new Error("DATABASE_URL is not set")),
        },
  ];
}

async function openMigratedPglite(): Promise<Database> {
  const database = await openPgliteDatabase();
  await database.migrate();
  return database;
}

async function openScratchPostgres(serverUrl: string): Promise<Database> {
  const name = `pk_test_${randomBytes(8).toString("hex")}`;
  await asAdmin(serverUrl, (admin) => admin.unsafe(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgresDatabase(url.toString());
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    await asAdmin(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    throw error;
  }
  return {
    ...database,
    close: async () => {
      await database.close();
      await asAdmin(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function asAdmin(serverUrl: string, work: (admin: postgres.Sql) => Promise<unknown>): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
