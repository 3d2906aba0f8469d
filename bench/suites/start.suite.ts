/**
 * Start-to-ready of the server: `node packages/gateway/dist/main.js` (the build, as the image runs
 * it) against `node --import tsx packages/gateway/src/main.ts` (what `pnpm start` runs), round by
 * round on one scratch PostgreSQL database, from the spawn to the first 200 from `/readyz`; then
 * the built server on the embedded default, on a new DATA_DIR and again on the same one, with its
 * resident memory once ready. Needs DATABASE_URL and a build (`pnpm build`).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { testDatabases } from "../../packages/infrastructure/src/testing/index.ts";
import { scratchDatabaseUrl } from "../../packages/gateway/test/support/deployment-env.ts";
import { median, medianRatio, roundRatios } from "../load.ts";
import { verdict } from "./viewer.suite.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT = ["packages/gateway/dist/main.js"];
const TSX = ["--import", "tsx", "packages/gateway/src/main.ts"];
const LISTENING = /listening on (http:\/\/\S+\/graphql)/;

interface Start {
  readonly readyMs: number;
  readonly rssMb: number;
  /** The most it was resident at any time until ready (VmHWM). */
  readonly peakMb: number;
  /** CPU the process and its children used until ready: on a loaded machine steadier than the wall clock. */
  readonly cpuMs: number;
}

/**
 * utime + stime + cutime + cstime from /proc/<pid>/stat, in ms (clock ticks of 10 ms): with the
 * child processes it waited for, such as the one that creates a new embedded database.
 */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) * 10;
}

/** Spawns node with `args`, waits for the listening line, then for `/readyz` to answer 200. */
async function startOnce(args: readonly string[], env: Record<string, string>): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
        const match = LISTENING.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.once("exit", (code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
    });
    const response = await fetch(new URL("/readyz", url));
    if (response.status !== 200) throw new Error(`/readyz answered ${response.status}:\n${output}`);
    const readyMs = performance.now() - started;
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const mb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
    return { readyMs, rssMb: mb("VmRSS"), peakMb: mb("VmHWM"), cpuMs: cpuMsOf(child.pid!) };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}

export async function startSuite(options: { rounds: number }) {
  if (!existsSync(join(ROOT, BUILT[0]!))) throw new Error("no build: run `pnpm build` first");
  const postgres = testDatabases().find((t) => t.name === "postgresql" && t.skipReason === null);
  if (!postgres) throw new Error("the start benchmark needs DATABASE_URL (PostgreSQL)");
  const database = await postgres.open();
  const dataDir = mkdtempSync(join(tmpdir(), "pk-bench-start-"));
  try {
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: await scratchDatabaseUrl(database),
      DATA_DIR: dataDir,
      JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString("base64url")}`,
      SECRET_BOX_KEY: randomBytes(32).toString("base64"),
    };
    // A warm-up each (the OS's file cache), then the rounds: built, then tsx.
    await startOnce(BUILT, env);
    await startOnce(TSX, env);
    const runs = { built: [] as Start[], tsx: [] as Start[] };
    for (let round = 0; round < options.rounds; round++) {
      runs.built.push(await startOnce(BUILT, env));
      runs.tsx.push(await startOnce(TSX, env));
    }
    const built = runs.built.map((run) => run.readyMs);
    const tsx = runs.tsx.map((run) => run.readyMs);
    const sandboxDir = join(dataDir, "sandbox");
    const firstSandbox = await startOnce(BUILT, { DATA_DIR: sandboxDir });
    const againSandbox = await startOnce(BUILT, { DATA_DIR: sandboxDir });
    const ratio = medianRatio(tsx, built);
    console.log(`\nstart to ready, ${options.rounds} rounds`);
    console.table([
      {
        "built on PostgreSQL ms (median)": Math.round(median(built)),
        "tsx on PostgreSQL ms (median)": Math.round(median(tsx)),
        "built CPU ms": Math.round(median(runs.built.map((run) => run.cpuMs))),
        "tsx CPU ms": Math.round(median(runs.tsx.map((run) => run.cpuMs))),
        "built RSS MB": Math.round(median(runs.built.map((run) => run.rssMb))),
        "tsx RSS MB": Math.round(median(runs.tsx.map((run) => run.rssMb))),
        "rounds (tsx ÷ built)": roundRatios(tsx, built),
      },
    ]);
    console.table([
      {
        "embedded default": "new DATA_DIR",
        ms: Math.round(firstSandbox.readyMs),
        "CPU ms": firstSandbox.cpuMs,
        "RSS MB": Math.round(firstSandbox.rssMb),
        "peak RSS MB": Math.round(firstSandbox.peakMb),
      },
      {
        "embedded default": "same DATA_DIR",
        ms: Math.round(againSandbox.readyMs),
        "CPU ms": againSandbox.cpuMs,
        "RSS MB": Math.round(againSandbox.rssMb),
        "peak RSS MB": Math.round(againSandbox.peakMb),
      },
    ]);
    return [verdict("start to ready on PostgreSQL, built vs tsx", ratio, 1.5)];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.close();
  }
}
