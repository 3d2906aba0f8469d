import { openDatabase, type Config } from "@peykarband/infrastructure";

/**
 * Applies the schema migrations and stops: what the chart's pre-install/pre-upgrade Job runs, so a
 * release's pods start against a database that is already at their version. Idempotent, and safe
 * beside replicas that migrate at start (they take turns on an advisory lock).
 */
export async function migrateDatabase(config: Config): Promise<void> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}
