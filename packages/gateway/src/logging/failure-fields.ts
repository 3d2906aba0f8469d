/** What PostgreSQL (through postgres.js or PGlite) says about a failed statement, beside its message. */
const DATABASE_FIELDS = ["detail", "hint", "constraint_name", "table_name", "column_name", "where"] as const;

const MAX_CAUSES = 5;

const field = (error: Error, name: string): string | undefined => {
  const value = (error as unknown as Record<string, unknown>)[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
};

/**
 * A failure for a log line: the error's message, and where it wraps another (drizzle's "Failed
 * query: …" wraps the driver's error as its `cause`), the innermost database error's own message,
 * SQLSTATE code (as `sqlState`: the log redaction blanks every key that contains "code"), detail
 * and the like, which say why the statement failed rather than which.
 */
export function failureFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const fields: Record<string, unknown> = { error: error.message };
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current instanceof Error; depth++) {
    if (current !== error) fields["cause"] = current.message;
    const sqlState = field(current, "code");
    if (sqlState !== undefined) fields["sqlState"] = sqlState;
    for (const name of DATABASE_FIELDS) {
      const value = field(current, name);
      if (value !== undefined) fields[name] = value;
    }
    current = current.cause;
  }
  return fields;
}
