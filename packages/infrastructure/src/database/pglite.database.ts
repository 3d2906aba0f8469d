import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER, type Database } from "./database.ts";
import { lockDirectory } from "./directory-lock.ts";
import { ensurePgliteDataDir } from "./pglite-data-dir.ts";
import * as schema from "./schema.ts";
import { tracedPglite } from "./traced-clients.ts";
import { tracingActive } from "../tracing/tracer.ts";

/**
 * Embedded PostgreSQL: on disk under `dataDir`, or in memory when none is given (tests). A
 * directory admits one process: PGlite is single-user PostgreSQL, and two processes on one
 * directory neither see each other's writes nor keep them (an administrator created beside a
 * running server was gone after its restart). Opening a directory another live process holds
 * throws DirectoryInUseError. A new directory's database is created apart (ensurePgliteDataDir).
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  // Loaded on first use: a server on PostgreSQL never pays PGlite's load time at start.
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const lock = dataDir === undefined ? null : lockDirectory(dataDir);
  let client: PGlite;
  try {
    if (dataDir !== undefined) await ensurePgliteDataDir(dataDir);
    const plain = await PGlite.create(dataDir);
    client = tracingActive() ? tracedPglite(plain) : plain;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle({ client, schema });
  return {
    kind: "pglite",
    client,
    db,
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
