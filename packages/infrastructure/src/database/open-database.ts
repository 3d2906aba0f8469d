import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Config } from "../config/config.ts";
import type { Database } from "./database.ts";
import { ensurePostgresDatabase } from "./ensure-postgres-database.ts";
import { openPgliteDatabase } from "./pglite.database.ts";
import { openPostgresDatabase } from "./postgres.database.ts";

export interface OpenDatabaseOptions {
  /** Told when a missing PostgreSQL database was created. */
  readonly log?: (message: string) => void;
}

/**
 * PostgreSQL when DATABASE_URL is set (creating its database when missing); otherwise the
 * embedded PGlite kept under the data dir.
 */
export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "pgliteDir">,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  if (config.databaseUrl !== null) {
    await ensurePostgresDatabase(config.databaseUrl, options.log ?? (() => {}));
    return openPostgresDatabase(config.databaseUrl);
  }
  await mkdir(dirname(config.pgliteDir), { recursive: true });
  return openPgliteDatabase(config.pgliteDir);
}
