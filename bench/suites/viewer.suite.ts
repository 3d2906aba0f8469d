/**
 * An authenticated trivial query, `viewer { id email }`, through the whole gateway (JWT, session
 * check, limits, logging, metrics, database) against two baselines in the same run: a bare
 * Apollo Server 5 + type-graphql schema with one static resolver, and bare node:http + graphql-js.
 */
import { load, median, medianRatio, roundRatios, startTarget, type Target } from "../load.ts";
import { registerBenchUser } from "./session.ts";

const QUERY = { query: "query Viewer { viewer { id email } }", operationName: "Viewer" };
const CONNECTIONS = 50;

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
    await start("bare node:http + graphql-js", "bench/targets/bare-http.target.ts");
    await start("bare Apollo + type-graphql", "bench/targets/bare-apollo.target.ts");
    await start("gateway on PGlite", "bench/targets/gateway.target.ts", { BENCH_DATABASE: "pglite" }, true);
    if (process.env["DATABASE_URL"]) {
      await start(
        "gateway on PostgreSQL",
        "bench/targets/gateway.target.ts",
        { BENCH_DATABASE: "postgres" },
        true,
      );
    }
    const runs = new Map<string, number[]>(targets.map(({ target }) => [target.name, []]));
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
        runs.get(target.name)!.push(run.requestsPerSecond);
      }
    }
    const bareHttp = runs.get("bare node:http + graphql-js")!;
    const bareApollo = runs.get("bare Apollo + type-graphql")!;
    const rows = [...runs].map(([name, values]) => ({
      target: name,
      "req/s (median)": Math.round(median(values)),
      "vs bare Apollo": medianRatio(values, bareApollo).toFixed(2),
      "vs bare http": medianRatio(values, bareHttp).toFixed(2),
      "each round vs bare Apollo": roundRatios(values, bareApollo),
    }));
    console.log(
      `\nviewer { id email }, ${CONNECTIONS} connections, ${options.rounds} interleaved rounds of ${options.seconds} s; ratios are medians of each round's ratio`,
    );
    console.table(rows);
    const verdicts = [...runs]
      .filter(([name]) => name.startsWith("gateway"))
      .flatMap(([name, values]) => [
        verdict(`${name} vs bare Apollo`, medianRatio(values, bareApollo), 0.8),
        verdict(`${name} vs bare http`, medianRatio(values, bareHttp), 0.25),
      ]);
    return verdicts;
  } finally {
    await Promise.all(targets.map(({ target }) => target.stop()));
  }
}

export function verdict(name: string, ratio: number, target: number) {
  const line = `${name}: ${ratio.toFixed(2)}x (target ≥ ${target.toFixed(2)}x) ${ratio >= target ? "OK" : "BELOW TARGET"}`;
  console.log(line);
  return { name, ratio, target, met: ratio >= target };
}
