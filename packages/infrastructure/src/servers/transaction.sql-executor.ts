import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../wallet/ledger-write.ts";
import { rowsOf } from "../database/result-rows.ts";

/** What pg-boss calls to run its SQL (its `Db`): positional `$n` parameters, rows back. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The part of the job queue a repository needs: a send that runs on the caller's connection. */
export interface TransactionalJobSender {
  /**
   * Null when the queue refused the job (it does not exist, or its policy said no). `startAfterSeconds`
   * holds the job back that long, counted on the database's clock.
   */
  sendWith(
    executor: SqlExecutor,
    name: string,
    data: object,
    options?: { startAfterSeconds?: number },
  ): Promise<string | null>;
}

/** As pg would send them, as in pg-boss.sql-adapter.ts: undefined as NULL, plain objects as JSON. */
function asPgSends(value: unknown): unknown {
  if (value === undefined) return null;
  const plainObject =
    typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
  return plainObject ? JSON.stringify(value) : value;
}

/**
 * pg-boss's SQL run inside a drizzle transaction, so a job commits or rolls back with the rows it
 * is about. The `$n` placeholders become drizzle parameters (a placeholder used twice becomes two
 * parameters with the same value), which works on both drivers without reaching into either.
 * pg-boss's statements with parameters hold no literal `$` of their own.
 */
export function transactionSqlExecutor(tx: Tx): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      let last = 0;
      for (const match of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, match.index)));
        chunks.push(sql`${asPgSends(values[Number(match[1]) - 1])}`);
        last = match.index + match[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      const result: unknown = await tx.execute(sql.join(chunks));
      return { rows: rowsOf(result) };
    },
  };
}
