import postgres from "postgres";
import { ConfigError } from "../config/config-error.ts";

// PostgreSQL error codes (SQLSTATE).
const DATABASE_MISSING = "3D000";
const DATABASE_EXISTS = "42P04";

/**
 * Makes sure the database DATABASE_URL names exists, so the PostgreSQL recipe in README.md works
 * on a fresh server: a missing database is created through the maintenance database `postgres`
 * when this user may, and is otherwise a configuration error naming it and the command to create it.
 */
export async function ensurePostgresDatabase(url: string, log: (message: string) => void): Promise<void> {
  if (await databaseExists(url)) return;
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = name === "postgres" ? "/template1" : "/postgres";
  const client = postgres(maintenance.href, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await client`create database ${client(name)}`;
    log(`Created the database "${name}" on ${target.host}: DATABASE_URL named it and it did not exist`);
  } catch (error) {
    if (sqlState(error) === DATABASE_EXISTS) return; // another replica created it first
    throw new ConfigError([
      {
        variable: "DATABASE_URL",
        problem:
          `the database "${name}" does not exist on ${target.host}, and creating it failed (${describe(error)}); ` +
          `create it with: psql -h ${target.hostname} -p ${target.port || "5432"} -U <an admin> -c 'CREATE DATABASE "${name}"'`,
      },
    ]);
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function databaseExists(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch (error) {
    if (sqlState(error) === DATABASE_MISSING) return false;
    throw error;
  } finally {
    await client.end({ timeout: 5 });
  }
}

function sqlState(error: unknown): string | undefined {
  return error instanceof postgres.PostgresError ? error.code : undefined;
}

/** The server's message only: never the URL, which may hold a password. */
function describe(error: unknown): string {
  return error instanceof postgres.PostgresError ? error.message : "the server could not be reached";
}
