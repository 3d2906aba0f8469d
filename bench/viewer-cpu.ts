/**
 * `pnpm exec tsx bench/viewer-cpu.ts`: CPU per `viewer { id email }` request, read from /proc
 * (Linux), for bare Apollo on node:http and the gateway on PGlite (and on PostgreSQL with
 * DATABASE_URL), in interleaved rounds. On a shared machine the rate of a round says little; the
 * CPU a request costs the target's process moves much less, and the ratio of the bare server's CPU
 * per request to the gateway's is the throughput ratio both would have on a core of their own.
 * ROUNDS (default 3) rounds of 5 s each target at 50 connections, after a 5 s warm-up.
 * BENCH_BEFORE_DIR=dir adds the gateway on PGlite as checked out in `dir` (say, `git archive` of
 * the previous commit with this worktree's node_modules linked in), so before and after share rounds.
 * With BENCH_BUNDLE=1 every target runs bundled, as production runs; BENCH_TSX_TOO=1 then adds bare
 * Apollo and the gateway on PGlite under tsx to the same rounds, to tell what tsx costs each.
 */
import { readdirSync, readFileSync } from "node:fs";
import { load, median, startTarget, type Target } from "./load.ts";
import { registerBenchUser } from "./suites/session.ts";

const QUERY = { query: "query Viewer { viewer { id email } }", operationName: "Viewer" };
const SECONDS = 5;
const CONNECTIONS = 50;
const BARE = "bare Apollo on node:http";

/** CPU ticks (1/100 s) of the process's main thread and of all its threads: user + system. */
function cpuTicks(pid: number): { main: number; all: number } {
  const ticks = { main: 0, all: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const used = Number(fields[11]) + Number(fields[12]);
    ticks.all += used;
    if (tid === String(pid)) ticks.main += used;
  }
  return ticks;
}

const targets: { target: Target; headers: Record<string, string> }[] = [];
const start = async (name: string, script: string, env: Record<string, string> = {}, signUp = false) => {
  const target = await startTarget(name, script, env);
  const token = signUp
    ? await registerBenchUser(target.url, "bench@example.com", "benchmark password")
    : null;
  targets.push({ target, headers: token ? { authorization: `Bearer ${token}` } : {} });
};
try {
  await start(BARE, "bench/targets/bare-apollo-direct.target.ts");
  await start("gateway on PGlite", "bench/targets/gateway.target.ts", { BENCH_DATABASE: "pglite" }, true);
  const before = process.env["BENCH_BEFORE_DIR"];
  if (before)
    await start(
      "gateway before, on PGlite",
      `${before}/bench/targets/gateway.target.ts`,
      { BENCH_DATABASE: "pglite", TSX_TSCONFIG_PATH: `${before}/tsconfig.json` },
      true,
    );
  if (process.env["BENCH_TSX_TOO"] === "1") {
    await start(`${BARE}, under tsx`, "bench/targets/bare-apollo-direct.target.ts", { BENCH_BUNDLE: "0" });
    await start(
      "gateway on PGlite, under tsx",
      "bench/targets/gateway.target.ts",
      { BENCH_DATABASE: "pglite", BENCH_BUNDLE: "0" },
      true,
    );
  }
  if (process.env["DATABASE_URL"])
    await start(
      "gateway on PostgreSQL",
      "bench/targets/gateway.target.ts",
      { BENCH_DATABASE: "postgres" },
      true,
    );
  for (const { target, headers } of targets)
    await load(target.url, QUERY, { connections: CONNECTIONS, seconds: 5, headers });
  const perRequest = new Map<string, number[]>(targets.map(({ target }) => [target.name, []]));
  for (let round = 0; round < Number(process.env["ROUNDS"] ?? 3); round++) {
    for (const { target, headers } of targets) {
      const before = cpuTicks(target.pid);
      const run = await load(target.url, QUERY, { connections: CONNECTIONS, seconds: SECONDS, headers });
      const after = cpuTicks(target.pid);
      if (run.errors > 0) throw new Error(`${target.name}: ${run.errors} failed requests`);
      const requests = run.requestsPerSecond * SECONDS;
      const main = ((after.main - before.main) * 10_000) / requests;
      const all = ((after.all - before.all) * 10_000) / requests;
      console.log(
        `round ${round + 1} ${target.name}: ${Math.round(run.requestsPerSecond)} req/s, CPU a request ${main.toFixed(0)} µs main thread, ${all.toFixed(0)} µs all threads`,
      );
      perRequest.get(target.name)!.push(main);
    }
  }
  const bare = perRequest.get(BARE)!;
  for (const [name, values] of perRequest) {
    const ratios = values.map((value, round) => bare[round]! / value);
    console.log(
      `${name}: ${values.map((v) => v.toFixed(0)).join(" ")} µs main-thread CPU a request; vs bare Apollo by CPU ${median(ratios).toFixed(2)} (rounds ${ratios.map((r) => r.toFixed(2)).join(" ")})`,
    );
  }
} finally {
  await Promise.all(targets.map(({ target }) => target.stop()));
}
