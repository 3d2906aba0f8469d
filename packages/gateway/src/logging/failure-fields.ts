/** What PostgreSQL (through postgres.js or PGlite) says about a failed statement, beside its message. */
const DATABASE_FIELDS = [
  "code",
  "detail",
  "hint",
  "constraint_name",
  "table_name",
  "column_name",
  "where",
] as const;

const MAX_CAUSES = 5;

/**
 * A failure for a log line: the error's message, and where it wraps another (drizzle's "Failed
 * query: …" wraps the driver's error as its `cause`), the innermost database error's own message,
 * SQLSTATE code, detail and the like, which say why the statement failed rather than which.
 */
export function failureFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const fields: Record<string, unknown> = { error: error.message };
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current instanceof Error; depth++) {
    if (current !== error) fields["cause"] = current.message;
    for (const name of DATABASE_FIELDS) {
      const value = (current as unknown as Record<string, unknown>)[name];
      if (typeof value === "string" && value.length > 0) fields[name] = value;
    }
    current = current.cause;
  }
  return fields;
}
