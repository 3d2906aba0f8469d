import {
  loadConfig,
  openDatabase,
  openPostgresDatabase,
  rowsOf,
  type Database,
} from "@peykarband/infrastructure";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const CLI = join(ROOT, "packages/gateway/src/cli/main.ts");
const MIGRATIONS = readdirSync(join(ROOT, "packages/infrastructure/drizzle")).filter((name) =>
  name.endsWith(".sql"),
);

/** `pnpm cli migrate` as the chart's Job runs it: its own process, configured only by the environment. */
async function runMigrate(env: Record<string, string>): Promise<{ stdout: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", CLI, "migrate"], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
  });
  return { stdout };
}

async function appliedMigrations(database: Database): Promise<number> {
  const result = await database.db.execute<{ count: number }>(
    "select count(*)::int as count from drizzle.__drizzle_migrations",
  );
  const rows = rowsOf<{ count: number }>(result);
  return rows[0]?.count ?? 0;
}

async function hasTable(database: Database, name: string): Promise<boolean> {
  const result = await database.db.execute<{ found: boolean }>(
    `select to_regclass('public.${name}') is not null as found`,
  );
  const rows = rowsOf<{ found: boolean }>(result);
  return rows[0]?.found ?? false;
}

const serverUrl = process.env["DATABASE_URL"];

describe.skipIf(!serverUrl)("pnpm cli migrate on PostgreSQL", () => {
  it("brings an empty database to the current schema, and a second run changes nothing", async () => {
    const name = `pk_test_${randomBytes(8).toString("hex")}`;
    const server = await openPostgresDatabase(serverUrl!, { maxConnections: 1 });
    if (server.kind !== "postgres") throw new Error("expected PostgreSQL");
    const admin = server.client;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: url.toString(),
      JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString("base64url")}`,
      SECRET_BOX_KEY: randomBytes(32).toString("base64"),
    };
    try {
      expect((await runMigrate(env)).stdout).toContain("Database migrated (PostgreSQL)");
      const database = await openPostgresDatabase(url.toString(), { maxConnections: 1 });
      try {
        expect(await appliedMigrations(database)).toBe(MIGRATIONS.length);
        expect(await hasTable(database, "users")).toBe(true);
        expect(await hasTable(database, "servers")).toBe(true);

        await runMigrate(env);
        expect(await appliedMigrations(database)).toBe(MIGRATIONS.length);
      } finally {
        await database.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await server.close();
    }
  }, 120_000);
});

describe("pnpm cli migrate in the sandbox (embedded PGlite)", () => {
  it("migrates the PGlite under DATA_DIR that the app then opens", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pk-migrate-"));
    try {
      expect((await runMigrate({ DATA_DIR: dataDir })).stdout).toContain(
        "Database migrated (embedded PGlite)",
      );
      const database = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
      try {
        expect(await appliedMigrations(database)).toBe(MIGRATIONS.length);
        expect(await hasTable(database, "users")).toBe(true);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two cold starts of PGlite on disk, one of them in a child process: many seconds on a busy machine.
  }, 180_000);
});
