/**
 * What tracing costs: the authenticated `viewer { id email }` through the whole gateway on PGlite
 * with tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT: nothing loaded) and on (every span made and
 * handed to an in-memory exporter), interleaved in the same run. Tracing off has no baseline of its
 * own: without the variable each seam is one boolean check, and `pnpm bench viewer` measures it.
 */
import { load, median, medianRatio, roundRatios, startTarget, type LoadRun, type Target } from "../load.ts";
import { registerBenchUser } from "./session.ts";
import { verdict } from "./viewer.suite.ts";

const QUERY = { query: "query Viewer { viewer { id email } }", operationName: "Viewer" };
const CONNECTIONS = 50;
const OFF = "gateway, tracing off";
const ON = "gateway, tracing on (in-memory exporter)";
/** Tracing on may cost at most this share of the throughput (an HTTP, a GraphQL and 1–2 statement spans per request). */
const GOAL = 0.7;

export async function tracingSuite(options: { seconds: number; rounds: number }) {
  const targets: { target: Target; headers: Record<string, string> }[] = [];
  try {
    for (const [name, env] of [
      [OFF, {}],
      [ON, { BENCH_TRACING: "memory" }],
    ] as const) {
      const target = await startTarget(name, "bench/targets/gateway.target.ts", {
        BENCH_DATABASE: "pglite",
        ...env,
      });
      const token = await registerBenchUser(target.url, "bench@example.com", "benchmark password");
      targets.push({ target, headers: { authorization: `Bearer ${token}` } });
    }
    const runs = new Map<string, LoadRun[]>(targets.map(({ target }) => [target.name, []]));
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
    console.log(
      `\ntracing: viewer { id email }, ${CONNECTIONS} connections, ${options.rounds} interleaved rounds of ${options.seconds} s`,
    );
    console.table(
      [...runs].map(([name, values]) => ({
        target: name,
        "req/s (median)": Math.round(median(values.map((run) => run.requestsPerSecond))),
        "p50 ms": median(values.map((run) => run.p50Ms)),
        "p99 ms": median(values.map((run) => run.p99Ms)),
        "vs tracing off": medianRatio(rates(name), rates(OFF)).toFixed(2),
        "each round vs off": roundRatios(rates(name), rates(OFF)),
      })),
    );
    return [verdict(`${ON} vs ${OFF}`, medianRatio(rates(ON), rates(OFF)), GOAL)];
  } finally {
    await Promise.all(targets.map(({ target }) => target.stop()));
  }
}
