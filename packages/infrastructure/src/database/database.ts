import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { fileURLToPath } from "node:url";
import type * as schema from "./schema.ts";

export type Schema = typeof schema;

/** The drizzle type both drivers satisfy; repositories use only this, so they run on either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

interface DatabaseHandle {
  readonly db: Db;
  /** Applies pending migrations from the one folder shared by both drivers. */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The raw client stays reachable for libraries that speak SQL themselves (pg-boss). */
export type Database = DatabaseHandle &
  (
    { readonly kind: "pglite"; readonly client: PGlite } | { readonly kind: "postgres"; readonly client: Sql }
  );

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));
