/**
 * The production-mode configuration and database a gateway benchmark target runs on: a fresh data
 * dir, generated keys, and BENCH_DATABASE=pglite (default, on disk) or postgres (a scratch database).
 * DATABASE_URL names the server for scratch databases, so it never reaches the configuration.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  loadConfig,
  openPgliteDatabase,
  type Config,
  type Database,
} from "../../packages/infrastructure/src/index.ts";
import { testDatabases } from "../../packages/infrastructure/src/testing/index.ts";

export async function openBenchDeployment(
  options: { readonly withoutVariables?: readonly string[] } = {},
): Promise<{ config: Config; database: Database }> {
  const environment = { ...process.env };
  for (const name of ["DATABASE_URL", ...(options.withoutVariables ?? [])]) delete environment[name];
  const dataDir = mkdtempSync(join(tmpdir(), "peykarband-bench-"));
  const config = loadConfig({
    ...environment,
    NODE_ENV: "production",
    PORT: "0",
    DATA_DIR: dataDir,
    JWT_SIGNING_KEYS: `bench:${randomBytes(32).toString("base64url")}`,
    SECRET_BOX_KEY: randomBytes(32).toString("base64"),
  });
  const database =
    process.env["BENCH_DATABASE"] === "postgres"
      ? await testDatabases()
          .find((t) => t.name === "postgresql")!
          .open()
      : await openPgliteDatabase(join(dataDir, "pglite"));
  return { config, database };
}
