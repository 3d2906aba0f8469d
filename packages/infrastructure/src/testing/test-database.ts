import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { Database } from "../database/database.ts";
import { openPgliteDatabase } from "../database/pglite.database.ts";
import { openPostgresDatabase } from "../database/postgres.database.ts";
import { checkLedger } from "./ledger-check.ts";

export interface TestDatabase {
  /** Shown in the test name; says why when the target is skipped. */
  readonly name: string;
  /** Non-null when this target cannot run here; use it with `describe.skipIf`. */
  readonly skipReason: string | null;
  /**
   * A migrated, empty database of its own. `close()` checks the ledger (it must balance
   * after every test file), then discards the database (the PostgreSQL one is dropped) and throws if
   * the ledger did not balance. `checkLedger: false` is for benchmarks whose baseline writes
   * balances without entries on purpose (the bare `UPDATE … WHERE balance >= $1` loop).
   */
  open(options?: { checkLedger?: boolean }): Promise<Database>;
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
      ? { name: "postgresql", skipReason: null, open: (options) => openScratchPostgres(url, options) }
      : {
          name: "postgresql (skipped: DATABASE_URL is not set)",
          skipReason: "DATABASE_URL is not set",
          open: () => Promise.reject(new Error("DATABASE_URL is not set")),
        },
  ];
}

interface OpenOptions {
  readonly checkLedger?: boolean;
}

async function openMigratedPglite(options: OpenOptions = {}): Promise<Database> {
  const database = await openPgliteDatabase();
  await database.migrate();
  return options.checkLedger === false ? database : checkedOnClose(database);
}

/** `close()` first reads the ledger, then closes, then fails if the ledger was out of balance. */
function checkedOnClose(database: Database): Database {
  let closed = false;
  return {
    ...database,
    close: async () => {
      if (closed) return;
      closed = true;
      const problems = await checkLedger(database.db);
      await database.close();
      if (problems.length > 0) {
        throw new Error(`ledger out of balance when the test file ended:\n- ${problems.join("\n- ")}`);
      }
    },
  };
}

async function openScratchPostgres(serverUrl: string, options: OpenOptions = {}): Promise<Database> {
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
  const checked = options.checkLedger === false ? database : checkedOnClose(database);
  return {
    ...checked,
    close: async () => {
      try {
        await checked.close();
      } finally {
        await asAdmin(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
      }
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
