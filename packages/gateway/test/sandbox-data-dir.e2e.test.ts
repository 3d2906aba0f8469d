import { spawn } from "node:child_process";
import { once } from "node:events";
import { loadConfig } from "@peykarband/infrastructure";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { spawnRole, type RoleProcess } from "./support/cross-process-roles.ts";
import { GraphQLTestClient } from "./support/graphql-client.ts";

/**
 * The sandbox's data directory belongs to one process. Real `main.ts` processes and the real CLI
 * on one DATA_DIR: a second server stops at once saying what to do; `cli create-admin` run
 * beside the server hands the write to it, so the administrator can sign in and is still there
 * after a restart; after a kill -9 the next start takes the directory over. Embedded PGlite only:
 * with DATABASE_URL, PostgreSQL admits any number of processes.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CLI = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
const START_MS = 90_000;
const STOP_MS = 60_000;
const ADMIN = { email: "admin@example.com", password: "a long admin password" };
const READY = /Operator commands \(npx -y pnpm@12\.21\.0 cli create-admin\) are taken at/;
const LISTENING = /listening on (http:\/\/\S+\/graphql)/;

async function runCli(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

async function startSandbox(env: Record<string, string>, all: RoleProcess[]) {
  const sandbox = spawnRole("all", env);
  all.push(sandbox);
  const url = (await sandbox.waitForLine(LISTENING, START_MS))[1]!;
  await sandbox.waitForLine(READY, START_MS);
  return { sandbox, api: new GraphQLTestClient(url) };
}

async function roleAfterLogIn(api: GraphQLTestClient): Promise<unknown> {
  const { body } = await api.post<{ logIn: { session: { user: { role: string } } | null } }>(
    `mutation ($input: LogInInput!) { logIn(input: $input) { session { user { role } } userErrors { code } } }`,
    { input: ADMIN },
  );
  return body.data?.logIn.session?.user.role ?? body;
}

describe("the sandbox's data directory (embedded PGlite)", () => {
  it(
    "admits one server, takes create-admin through the running one, and is taken over after kill -9",
    { timeout: 420_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "pk-datadir-"));
      const env = { DATA_DIR: dataDir, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info" };
      const all: RoleProcess[] = [];
      try {
        const first = await startSandbox(env, all);

        const second = spawnRole("all", env);
        all.push(second);
        expect(await second.ended(START_MS)).toBe("exit 1");
        expect(second.output()).toMatch(/Cannot start: the embedded database in .* is open in another/);
        expect(second.output()).toContain("npx -y pnpm@12.21.0 cli create-admin --email <address>");

        const created = await runCli({ ...env, PEYKARBAND_ADMIN_PASSWORD: ADMIN.password }, [
          "create-admin",
          "--email",
          ADMIN.email,
        ]);
        expect(created).toMatchObject({ code: 0, stdout: `Created administrator ${ADMIN.email}.\n` });
        expect(await roleAfterLogIn(first.api)).toBe("ADMIN");

        expect(await first.sandbox.stop("SIGTERM", STOP_MS)).toBe("exit 0");
        const restarted = await startSandbox(env, all);
        expect(await roleAfterLogIn(restarted.api)).toBe("ADMIN");

        expect(await restarted.sandbox.stop("SIGKILL", STOP_MS)).toBe("SIGKILL");
        const afterKill = await startSandbox(env, all);
        expect(await roleAfterLogIn(afterKill.api)).toBe("ADMIN");
      } finally {
        await Promise.all(all.map((p) => p.stop("SIGKILL", STOP_MS)));
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});

describe("create-admin on a data directory held by a process that takes no operator requests", () => {
  it("fails, saying to stop that process, and writes nothing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pk-datadir-"));
    try {
      const config = loadConfig({ DATA_DIR: dataDir });
      mkdirSync(dataDir, { recursive: true });
      // A live process (this one's parent) holds the directory, and nothing listens on its socket.
      writeFileSync(
        `${config.pgliteDir}.lock`,
        JSON.stringify({ pid: process.ppid, since: new Date().toISOString() }),
      );
      const outcome = await createAdmin(config, ADMIN);
      expect(outcome).toEqual({
        ok: false,
        message: expect.stringMatching(
          new RegExp(
            `in use by process ${process.ppid}, which takes no operator requests .*\\. ` +
              "Stop that process, then run this command again\\.$",
          ),
        ),
      });
      expect(existsSync(config.pgliteDir)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
