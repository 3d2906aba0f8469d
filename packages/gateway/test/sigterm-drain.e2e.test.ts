import { testDatabases } from "@peykarband/infrastructure/testing";
import { startCloudSimulators, type CloudSimulators } from "@peykarband/simulators";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnRole, type RoleProcess } from "./support/cross-process-roles.ts";
import { deploymentEnv, scratchDatabaseUrl } from "./support/deployment-env.ts";
import { runKeepAliveLane, type RequestFate } from "./support/keep-alive-lane.ts";

/**
 * SIGTERM in the middle of load, as a rolling update sends it: 20 keep-alive connections keep
 * asking `main.ts` (a real process) for the regions, each request after the last answer. Every
 * request the server took must be answered in full, and a client whose request it did not take
 * must see its connection closed, not reset. "Took" is read from the server's own request log:
 * every request id it logged as finished must have reached its client whole.
 */

const CONNECTIONS = 20;
/** Answers before the SIGTERM, so it lands while every connection is busy. */
const ANSWERS_BEFORE_SIGTERM = 300;
const START_MS = 90_000;
const STOP_MS = 60_000;
const BODY = JSON.stringify({ query: "{ regions { id } }" });

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`SIGTERM under keep-alive load on ${target.name}`, () => {
    it(
      `answers every request it accepted and resets none of ${CONNECTIONS} connections`,
      { timeout: 240_000 },
      async () => {
        const dataDir = mkdtempSync(join(tmpdir(), "pk-drain-"));
        let clouds: CloudSimulators | null = null;
        let database: Awaited<ReturnType<typeof target.open>> | null = null;
        let server: RoleProcess | null = null;
        try {
          let env: Record<string, string>;
          if (target.name === "pglite") {
            env = { DATA_DIR: dataDir, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info" };
          } else {
            database = await target.open();
            clouds = await startCloudSimulators();
            env = deploymentEnv({
              databaseUrl: await scratchDatabaseUrl(database),
              clouds,
              dataDir,
              deploymentPrefix: "drain",
            });
          }
          const api = spawnRole("all", env);
          server = api;
          const url = new URL((await api.waitForLine(/listening on (http:\/\/\S+\/graphql)/, START_MS))[1]!);
          // main.ts takes over SIGTERM once the whole process is up: the worker starts after the gateway.
          await api.waitForLine(/Peykarband worker started/, START_MS);

          const fates: RequestFate[] = [];
          let signalled = false;
          let sentAfterSignal = 0;
          let signalSent!: () => void;
          const sigterm = new Promise<void>((resolve) => (signalSent = resolve));
          const stopped = sigterm.then(() => api.stop("SIGTERM", STOP_MS));
          const lanes = Array.from({ length: CONNECTIONS }, (_, lane) =>
            runKeepAliveLane({
              port: Number(url.port),
              path: url.pathname,
              body: BODY,
              requestId: (n) => {
                if (signalled) sentAfterSignal++;
                return `drain-${lane}-${n}`;
              },
              onFate: (fate) => {
                fates.push(fate);
                if (!signalled && fates.length >= ANSWERS_BEFORE_SIGTERM) {
                  signalled = true;
                  signalSent();
                }
              },
            }),
          );
          await Promise.all(lanes);
          expect(await stopped).toBe("exit 0");

          const failed = fates.filter((f) => f.kind === "truncated" || f.kind === "reset");
          expect(failed).toEqual([]);
          const answered = new Set(fates.filter((f) => f.kind === "answered").map((f) => f.requestId));
          expect(fates.filter((f) => f.kind === "answered" && f.status !== 200)).toEqual([]);
          const served = [...api.output().matchAll(/"requestId":"(drain-\d+-\d+)"/g)].map((m) => m[1]!);
          expect(served.length).toBeGreaterThanOrEqual(ANSWERS_BEFORE_SIGTERM);
          expect(served.filter((id) => !answered.has(id))).toEqual([]);
          // The load was still running when the signal came, and each connection ended closed.
          expect(sentAfterSignal).toBeGreaterThan(0);
          expect(fates.filter((f) => f.kind !== "answered" || f.closing)).toHaveLength(CONNECTIONS);
        } finally {
          await server?.stop("SIGKILL", STOP_MS);
          await clouds?.close();
          await database?.close();
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    );
  });
}
