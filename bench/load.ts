import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { bundleTarget } from "./bundle-target.ts";

export interface Target {
  readonly name: string;
  readonly url: string;
  /** What the target announced with `SET name value` lines before listening. */
  readonly values: Readonly<Record<string, string>>;
  readonly stop: () => Promise<void>;
  /** The target's process, for readings from /proc. */
  readonly pid: number;
}

/**
 * Starts a target script in its own process (so load generation does not share its event loop).
 * BENCH_PROFILE_DIR=dir adds --cpu-prof: each target writes a .cpuprofile there when it exits.
 * BENCH_BUNDLE=1 (in the environment, or in `env` for this target alone) runs it as plain
 * JavaScript, bundled first (bundle-target.ts), rather than under tsx.
 */
export async function startTarget(
  name: string,
  script: string,
  env: Record<string, string> = {},
): Promise<Target> {
  const profileDir = process.env["BENCH_PROFILE_DIR"];
  const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const bundled = (env["BENCH_BUNDLE"] ?? process.env["BENCH_BUNDLE"]) === "1";
  const entry = bundled ? [await bundleTarget(script)] : ["--import", "tsx", script];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...entry], {
    // LOG_LEVEL info: the gateway writes its one JSON line per request, as in production.
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const values: Record<string, string> = {};
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before listening`)));
    lines.on("line", (line) => {
      const value = /^SET (\w+) (\S+)$/.exec(line);
      if (value) values[value[1]!] = value[2]!;
      const match = /^LISTENING (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  // From here on stdout is the request log: drained and dropped, not parsed.
  lines.close();
  child.stdout!.resume();
  return {
    name,
    url,
    values,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface LoadRun {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

/** Posts the same GraphQL request for `seconds` over `connections` keep-alive connections. */
export async function load(
  url: string,
  body: unknown,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadRun> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: options.connections,
    duration: options.seconds,
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify(body),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * The median over rounds of each round's `values[i] ÷ baselines[i]`. Targets of one round run back
 * to back, so something else slowing the machine for a while moves both sides of a round's ratio;
 * a ratio of medians would pair rounds measured minutes apart.
 */
export const medianRatio = (values: readonly number[], baselines: readonly number[]): number =>
  median(values.map((value, round) => value / baselines[round]!));

/** Each round's ratio, for the table: how far apart the rounds were. */
export const roundRatios = (values: readonly number[], baselines: readonly number[]): string =>
  values.map((value, round) => (value / baselines[round]!).toFixed(2)).join(" ");
