import { mkdir } from "node:fs/promises";
import type { Config } from "../config/config.ts";
import type { Database } from "./database.ts";
import { openPgliteDatabase } from "./pglite.database.ts";
import { openPostgresDatabase } from "./postgres.database.ts";

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite kept under the data dir. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "pgliteDir">): Promise<Database> {
  if (config.databaseUrl !== null) return openPostgresDatabase(config.databaseUrl);
  await mkdir(config.pgliteDir, { recursive: true });
  return openPgliteDatabase(config.pgliteDir);
}
