/** A service some integration tests need, and what its tests fall back to without it. */
interface Service {
  readonly variable: "DATABASE_URL" | "REDIS_URL";
  readonly skipped: string;
  readonly example: string;
}

const SERVICES: readonly Service[] = [
  {
    variable: "DATABASE_URL",
    skipped:
      "the PostgreSQL halves of the integration tests and the multi-process tests are skipped (the PGlite halves run)",
    example: "postgres://postgres@127.0.0.1:5432/postgres",
  },
  {
    variable: "REDIS_URL",
    skipped: "the tests of pub/sub through Redis are skipped",
    example: "redis://127.0.0.1:6379",
  },
];

/**
 * One line per service whose variable is unset: what is skipped, and how to run it. Each test file
 * creates and drops its own database on that server, so it need not be the app's database.
 */
export function missingServiceNotices(env: Readonly<Record<string, string | undefined>>): string[] {
  return SERVICES.filter(({ variable }) => !env[variable]).map(
    ({ variable, skipped, example }) =>
      `${variable} is not set: ${skipped}. To run them, point it at a server, e.g. ` +
      `${variable}=${example} pnpm test, or run \`bash .ci/run\`, which starts both.`,
  );
}
