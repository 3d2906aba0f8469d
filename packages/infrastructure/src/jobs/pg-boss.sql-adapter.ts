import type PgBoss from "pg-boss";
import type postgres from "postgres";
import type { Database } from "../database/database.ts";

type Row = Record<string, unknown>;

/**
 * As pg would send them: undefined as NULL (pg-boss relies on it; postgres.js refuses it) and plain
 * objects as JSON text (postgres.js serializes only jsonb, not json, parameters from objects).
 */
const asPgSends = (values: unknown[]) =>
  values.map((value) => {
    if (value === undefined) return null;
    const plainObject =
      typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
    return plainObject ? JSON.stringify(value) : value;
  });

/**
 * pg-boss speaks SQL through `executeSql`: statements with parameters are single statements, and
 * those without may be whole scripts that open and commit their own transaction (schema creation,
 * maintenance). A script that fails half-way leaves its session inside an aborted transaction, so
 * each runs where no other query can use that session before the ROLLBACK.
 */
export function pgBossSqlAdapter(database: Database): PgBoss.Db {
  if (database.kind === "pglite") {
    const client = database.client;
    return {
      async executeSql(text, values) {
        if (values !== undefined && values.length > 0)
          return { rows: (await client.query<Row>(text, asPgSends(values))).rows };
        // PGlite is one session shared with drizzle: its transaction() holds the lock for the whole
        // script and issues the ROLLBACK before anyone else can query. The script's own BEGIN and
        // COMMIT nest inside it harmlessly (a warning, not an error).
        const results = await client.transaction((tx) => tx.exec(text));
        return { rows: results.flatMap((result) => result.rows as Row[]) };
      },
    };
  }
  const client = database.client;
  return {
    async executeSql(text, values) {
      if (values !== undefined && values.length > 0)
        return {
          rows: [
            ...(await client.unsafe<Row[]>(text, asPgSends(values) as postgres.ParameterOrJSON<never>[])),
          ],
        };
      // postgres.js refuses BEGIN on a pooled connection: the script gets one reserved for it.
      const connection = await client.reserve();
      try {
        const result: unknown[] = await connection.unsafe(text).simple();
        // One statement answers with its rows; several with one row list per statement.
        const rows = result.every(Array.isArray) && result.length > 0 ? result.flat() : result;
        return { rows: rows as Row[] };
      } catch (error) {
        await connection.unsafe("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}
