import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { MIGRATIONS_FOLDER, type Database } from "./database.ts";
import * as schema from "./schema.ts";
import { tracedPostgres } from "./traced-clients.ts";
import { tracingActive } from "../tracing/tracer.ts";

// Any constant works; it only has to be the same in every replica that migrates.
const MIGRATION_LOCK_ID = 7_371_020_001;

export interface PostgresOptions {
  /** Connections per process; the default suits a 2-core pod against a PgBouncer-less server. */
  readonly maxConnections?: number;
}

export async function openPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<Database> {
  const plain = postgres(url, {
    max: options.maxConnections ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    // Migrations' "already exists, skipping" notices are noise, not news.
    onnotice: () => {},
  });
  const client = tracingActive() ? tracedPostgres(plain) : plain;
  const db = drizzle({ client, schema });
  return {
    kind: "postgres",
    client,
    db,
    // Replicas starting together take turns: the session lock is held while the pool migrates.
    migrate: async () => {
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => undefined);
        lock.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}
