/**
 * The rows of a raw `db.execute` result: postgres.js answers with the rows themselves, PGlite
 * with `{ rows }`. `T` is what the statement selects; nothing checks it.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
