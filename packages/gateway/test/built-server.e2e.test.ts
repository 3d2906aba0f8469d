import { testDatabases, type TestDatabase } from "@peykarband/infrastructure/testing";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabaseUrl } from "./support/deployment-env.ts";
import { spawnRole, type RoleProcess } from "./support/cross-process-roles.ts";

/**
 * What production runs: `pnpm build` (tsc, then esbuild bundles its output into packages/gateway/dist),
 * then `node packages/gateway/dist/main.js` with no tsx, pnpm or npx in between. The only test that
 * builds: one build per run.
 */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const postgres = testDatabases().find((target) => target.name.startsWith("postgresql"))!;
const BUILD_MS = 300_000;
const START_MS = 120_000;
const STOP_MS = 30_000;

describe.skipIf(postgres.skipReason !== null)("the built server on PostgreSQL", () => {
  let database: Awaited<ReturnType<TestDatabase["open"]>> | null = null;
  let server: RoleProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), "pk-built-"));

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT });
  }, BUILD_MS);

  afterAll(async () => {
    await server?.stop("SIGKILL", STOP_MS);
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps the decorator metadata type-graphql reads, which esbuild and tsx drop", () => {
    const bundle = readFileSync(join(ROOT, "packages/gateway/dist/main.js"), "utf8");
    expect(bundle).toContain('__metadata("design:type"');
  });

  it("hashes operations with node:crypto, not with sha.js, which Apollo falls back to inside a bundle", () => {
    const bundle = readFileSync(join(ROOT, "packages/gateway/dist/main.js"), "utf8");
    expect(bundle).not.toMatch(/\bSha256\b/);
  });

  it(
    "starts with node alone, answers the readiness probe and GraphQL, serves GraphiQL's files, and drains on SIGTERM",
    { timeout: START_MS + STOP_MS },
    async ({ annotate }) => {
      database = await postgres.open();
      const started = performance.now();
      const api = spawnRole(
        "all",
        {
          NODE_ENV: "development",
          HOST: "127.0.0.1",
          PORT: "0",
          DATA_DIR: dataDir,
          DATABASE_URL: await scratchDatabaseUrl(database),
          DEPLOYMENT_NAME: `built-${randomBytes(4).toString("hex")}`,
          JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString("base64url")}`,
          SECRET_BOX_KEY: randomBytes(32).toString("base64"),
        },
        { built: true },
      );
      server = api;
      const graphql = new URL((await api.waitForLine(/listening on (http:\/\/\S+\/graphql)/, START_MS))[1]!);
      const ready = await fetch(new URL("/readyz", graphql));
      const readyMs = Math.round(performance.now() - started);
      expect(ready.status, api.output()).toBe(200);
      await annotate(`ready ${readyMs} ms after the spawn of node (a measurement, not a limit)`);

      const answer = await fetch(graphql, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ health { sandbox } }" }),
      });
      expect(await answer.json()).toMatchObject({ data: { health: { sandbox: false } } });
      for (const asset of ["graphiql.js", "setup.js"]) {
        const response = await fetch(new URL(`/graphiql/${asset}`, graphql));
        expect(response.status, asset).toBe(200);
      }

      // main.ts takes over SIGTERM once the whole process is up: the worker starts after the gateway.
      await api.waitForLine(/Peykarband worker started/, START_MS);
      expect(await api.stop("SIGTERM", STOP_MS), api.output()).toBe("exit 0");
      expect(api.output()).toContain("SIGTERM: draining and shutting down");
    },
  );
});
