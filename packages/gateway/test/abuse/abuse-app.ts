import type { AccountPolicy } from "@peykarband/application";
import {
  createLogger,
  loadConfig,
  type Config,
  type Database,
  type Logger,
} from "@peykarband/infrastructure";
import { countStatements } from "@peykarband/infrastructure/testing";
import { expect } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App, type AppOverrides } from "../../src/composition/create-app.ts";
import { CountingPasswordHasher } from "./counting-password-hasher.ts";

/** Tables whose row counts tell what a request wrote. */
export const COUNTED_TABLES = [
  "users",
  "session_families",
  "refresh_tokens",
  "recovery_codes",
  "audit_events",
  "attempt_throttle",
] as const;
type CountedTable = (typeof COUNTED_TABLES)[number];
export type RowCounts = Record<CountedTable, number>;

export interface AbuseApp {
  readonly app: App;
  readonly config: Config;
  /** Messages the app logged at error level: every one is a 500 somebody should look at. */
  readonly loggedErrors: string[];
  /** The app's password hasher: `take()` tells which argon2 runs the requests since the last take made. */
  readonly argon2: CountingPasswordHasher;
  /** Every SQL statement sent on the app's database client: `take()` answers those since the last take. */
  readonly statements: { take(): string[] };
  close(): Promise<void>;
}

/**
 * The real app over a database from `testDatabases()` (PGlite, or a scratch PostgreSQL database),
 * so that the battery runs on both. support/test-app.ts always opens its own PGlite, hence this.
 */
export async function startAbuseApp(
  database: Database,
  options: {
    env?: NodeJS.ProcessEnv;
    accountPolicy?: Partial<AccountPolicy>;
    webSocketNowMs?: AppOverrides["webSocketNowMs"];
  } = {},
): Promise<AbuseApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "pk-abuse-"));
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    ...options.env,
  });
  const loggedErrors: string[] = [];
  const argon2 = new CountingPasswordHasher();
  const app = await createApp(config, {
    database,
    passwords: argon2,
    logger: recordingErrors(createLogger(config), loggedErrors),
    ...(options.accountPolicy ? { accountPolicy: options.accountPolicy } : {}),
    ...(options.webSocketNowMs ? { webSocketNowMs: options.webSocketNowMs } : {}),
  });
  return {
    app,
    config,
    loggedErrors,
    argon2,
    statements: countStatements(database),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function recordingErrors(logger: Logger, into: string[]): Logger {
  return new Proxy(logger, {
    get(target, property, receiver) {
      if (property !== "error") return Reflect.get(target, property, receiver) as unknown;
      return (message: unknown, ...rest: unknown[]) => {
        into.push(String(message));
        return (target.error as (...args: unknown[]) => unknown)(message, ...rest);
      };
    },
  });
}

/** Plain SQL through the app's own database client (the gateway does not depend on drizzle). */
export async function query<T>(database: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (database.kind === "pglite") return (await database.client.query<T>(text, params)).rows;
  return (await database.client.unsafe(text, params as never[])) as unknown as T[];
}

export async function countRows(database: Database): Promise<RowCounts> {
  const counts = {} as RowCounts;
  for (const table of COUNTED_TABLES) {
    const [row] = await query<{ count: number }>(database, `select count(*)::int as count from ${table}`);
    counts[table] = Number(row?.count);
  }
  return counts;
}

/** How many audit events of each action there are, optionally only about one user (a raw uuid). */
export async function auditTally(database: Database, subjectId?: string): Promise<Record<string, number>> {
  const rows =
    subjectId === undefined
      ? await query<{ action: string; count: number }>(
          database,
          `select action, count(*)::int as count from audit_events group by action`,
        )
      : await query<{ action: string; count: number }>(
          database,
          `select action, count(*)::int as count from audit_events where subject_id = $1::uuid group by action`,
          [subjectId],
        );
  return Object.fromEntries(rows.map((row) => [row.action, Number(row.count)]));
}

/** What changed between two counts, leaving out tables that did not change. */
export function rowDelta(before: RowCounts, after: RowCounts): Partial<RowCounts> {
  const delta: Partial<RowCounts> = {};
  for (const table of COUNTED_TABLES) {
    const change = after[table] - before[table];
    if (change !== 0) delta[table] = change;
  }
  return delta;
}

/**
 * Proves a request was refused before any use case ran: between `start()` and `check()` the app
 * ran no argon2 and sent no SQL statement. This observes the work itself, where a stopwatch would
 * fail on a loaded machine.
 */
export function noWorkBetween(app: () => AbuseApp): { start(): void; check(): void } {
  return {
    start() {
      app().argon2.take();
      app().statements.take();
    },
    check() {
      expect(app().argon2.take(), "argon2 runs").toEqual([]);
      expect(app().statements.take(), "SQL statements").toEqual([]);
    },
  };
}

/**
 * Proves a request was refused by authentication, before any use case ran: between `start()` and
 * `check()` no argon2 ran and the only SQL was reads (the session and its user, to check the token).
 */
export function authenticationOnlyBetween(app: () => AbuseApp): { start(): void; check(): void } {
  return {
    start() {
      app().argon2.take();
      app().statements.take();
    },
    check() {
      expect(app().argon2.take(), "argon2 runs").toEqual([]);
      const writes = app()
        .statements.take()
        .filter((text) => !/^\s*select\b/i.test(text));
      expect(writes, "SQL statements other than reads").toEqual([]);
    },
  };
}
