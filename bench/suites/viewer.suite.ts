/**
 * An authenticated trivial query, `viewer { id email }`, through the whole gateway (JWT, session
 * check, limits, logging, metrics, database) against three baselines in the same run: bare Apollo
 * Server 5 + type-graphql with one static resolver on express 5, the same on node:http through
 * Apollo's integration API (as the gateway serves it), and bare node:http + graphql-js.
 */
import { load, median, medianRatio, roundRatios, startTarget, type LoadRun, type Target } from "../load.ts";
import { registerBenchUser } from "./session.ts";

const QUERY = { query: "query Viewer { viewer { id email } }", operationName: "Viewer" };
const CONNECTIONS = 50;
const BARE_HTTP = "bare node:http + graphql-js";
const BARE_APOLLO_EXPRESS = "bare Apollo + type-graphql on express";
const BARE_APOLLO_DIRECT = "bare Apollo + type-graphql on node:http";

/** What the gateway must reach against each baseline. */
const GOALS = [
  { baseline: BARE_APOLLO_EXPRESS, goal: 1.3 },
  { baseline: BARE_APOLLO_DIRECT, goal: 0.8 },
  { baseline: BARE_HTTP, goal: 0.25 },
] as const;

export async function viewerSuite(options: { seconds: number; rounds: number }) {
  const targets: { target: Target; headers: Record<string, string> }[] = [];
  const start = async (name: string, script: string, env: Record<string, string> = {}, signUp = false) => {
    const target = await startTarget(name, script, env);
    const headers: Record<string, string> = signUp
      ? {
          authorization: `Bearer ${await registerBenchUser(target.url, "bench@example.com", "benchmark password")}`,
        }
      : {};
    targets.push({ target, headers });
  };
  try {
    await start(BARE_HTTP, "bench/targets/bare-http.target.ts");
    await start(BARE_APOLLO_EXPRESS, "bench/targets/bare-apollo.target.ts");
    await start(BARE_APOLLO_DIRECT, "bench/targets/bare-apollo-direct.target.ts");
    await start("gateway on PGlite", "bench/targets/gateway.target.ts", { BENCH_DATABASE: "pglite" }, true);
    if (process.env["DATABASE_URL"]) {
      await start(
        "gateway on PostgreSQL",
        "bench/targets/gateway.target.ts",
        { BENCH_DATABASE: "postgres" },
        true,
      );
    }
    const runs = new Map<string, LoadRun[]>(targets.map(({ target }) => [target.name, []]));
    // Warm-up: JIT, caches, connection pools.
    for (const { target, headers } of targets)
      await load(target.url, QUERY, { connections: CONNECTIONS, seconds: 2, headers });
    for (let round = 0; round < options.rounds; round++) {
      for (const { target, headers } of targets) {
        const run = await load(target.url, QUERY, {
          connections: CONNECTIONS,
          seconds: options.seconds,
          headers,
        });
        if (run.errors > 0) throw new Error(`${target.name}: ${run.errors} failed requests`);
        runs.get(target.name)!.push(run);
      }
    }
    const rates = (name: string) => runs.get(name)!.map((run) => run.requestsPerSecond);
    const rows = [...runs].map(([name, values]) => ({
      target: name,
      "req/s (median)": Math.round(median(values.map((run) => run.requestsPerSecond))),
      "p50 ms": median(values.map((run) => run.p50Ms)),
      "p99 ms": median(values.map((run) => run.p99Ms)),
      "vs Apollo express": medianRatio(rates(name), rates(BARE_APOLLO_EXPRESS)).toFixed(2),
      "vs Apollo direct": medianRatio(rates(name), rates(BARE_APOLLO_DIRECT)).toFixed(2),
      "vs bare http": medianRatio(rates(name), rates(BARE_HTTP)).toFixed(2),
      "each round vs Apollo direct": roundRatios(rates(name), rates(BARE_APOLLO_DIRECT)),
    }));
    console.log(
      `\nviewer { id email }, ${CONNECTIONS} connections, ${options.rounds} interleaved rounds of ${options.seconds} s; ratios are medians of each round's ratio, latencies medians of each round's`,
    );
    console.table(rows);
    return [...runs.keys()]
      .filter((name) => name.startsWith("gateway"))
      .flatMap((name) =>
        GOALS.map(({ baseline, goal }) =>
          verdict(`${name} vs ${baseline}`, medianRatio(rates(name), rates(baseline)), goal),
        ),
      );
  } finally {
    await Promise.all(targets.map(({ target }) => target.stop()));
  }
}

export function verdict(name: string, ratio: number, target: number) {
  const line = `${name}: ${ratio.toFixed(2)}x (target ≥ ${target.toFixed(2)}x) ${ratio >= target ? "OK" : "BELOW TARGET"}`;
  console.log(line);
  return { name, ratio, target, met: ratio >= target };
}
