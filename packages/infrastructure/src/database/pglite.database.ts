import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { MIGRATIONS_FOLDER, type Database } from "./database.ts";
import * as schema from "./schema.ts";

/** Embedded PostgreSQL: on disk under `dataDir`, or in memory when none is given (tests). */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const client = await PGlite.create(dataDir);
  const db = drizzle({ client, schema });
  return {
    kind: "pglite",
    client,
    db,
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
