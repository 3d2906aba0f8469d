/**
 * `servers(first: 100) { plan region image }` through the real gateway (auth, limits, logging, one
 * page read, plan/region/image through the request's DataLoaders over the in-memory catalog) against
 * bare Apollo + type-graphql serving the same connection from memory, in the same run. The gateway
 * has no path without its loaders to compare with (the catalog is read once per process, so there
 * is no per-field SQL to switch back to): the baseline is what Apollo alone costs for this answer.
 * Also prints the SQL statements one request sends at first: 10 and first: 100, counted at the
 * driver in the target, and fails unless they are at most 3 and equal.
 */
import { load, median, startTarget, type Target } from "../load.ts";
import type { verdict } from "./viewer.suite.ts";

const CONNECTIONS = 20;
const query = (first: number) => ({
  query: `query Servers { servers(first: ${first}) { edges { node { id plan { id } region { id } image { id } } } } }`,
  operationName: "Servers",
});

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { data?: { servers: { edges: unknown[] } }; errors?: unknown };
  if (!answer.data || answer.errors) throw new Error(`servers failed: ${JSON.stringify(answer)}`);
  return answer.data.servers.edges.length;
}

/** Statements of one request: the counter is read (and reset) right before and right after it. */
async function statementsOf(target: Target, first: number, headers: Record<string, string>) {
  const count = async () =>
    ((await (await fetch(target.values["statementsUrl"]!)).json()) as { count: number }).count;
  await count();
  const served = await post(target.url, query(first), headers);
  if (served !== first) throw new Error(`asked for ${first} servers, got ${served}`);
  return count();
}

export async function serversListSuite(options: { seconds: number; rounds: number }) {
  const targets: { target: Target; headers: Record<string, string> }[] = [];
  const verdicts: ReturnType<typeof verdict>[] = [];
  try {
    const bare = await startTarget(
      "bare Apollo + type-graphql",
      "bench/targets/servers-bare-apollo.target.ts",
    );
    targets.push({ target: bare, headers: {} });
    const databases = [
      { name: "PGlite", env: { BENCH_DATABASE: "pglite" } },
      ...(process.env["DATABASE_URL"] ? [{ name: "PostgreSQL", env: { BENCH_DATABASE: "postgres" } }] : []),
    ];
    const counts = [];
    for (const database of databases) {
      const target = await startTarget(
        `gateway on ${database.name}`,
        "bench/targets/servers-gateway.target.ts",
        database.env,
      );
      const headers = { authorization: `Bearer ${target.values["token"]}` };
      targets.push({ target, headers });
      // Once to fill the session cache, then measured with it (as under load) at both sizes.
      await post(target.url, query(1), headers);
      const at10 = await statementsOf(target, 10, headers);
      const at100 = await statementsOf(target, 100, headers);
      counts.push({ target: target.name, "statements, first: 10": at10, "statements, first: 100": at100 });
      verdicts.push({
        name: `servers on ${database.name}: ${at10} SQL statements at 10, ${at100} at 100 (≤ 3, equal)`,
        ratio: at100 === at10 ? 1 : 0,
        target: 1,
        met: at10 <= 3 && at100 === at10,
      });
    }
    const runs = new Map<string, number[]>(targets.map(({ target }) => [target.name, []]));
    for (const { target, headers } of targets)
      await load(target.url, query(100), { connections: CONNECTIONS, seconds: 2, headers });
    for (let round = 0; round < options.rounds; round++) {
      for (const { target, headers } of targets) {
        const run = await load(target.url, query(100), {
          connections: CONNECTIONS,
          seconds: options.seconds,
          headers,
        });
        if (run.errors > 0) throw new Error(`${target.name}: ${run.errors} failed requests`);
        runs.get(target.name)!.push(run.requestsPerSecond);
      }
    }
    const rps = new Map([...runs].map(([name, values]) => [name, median(values)]));
    const baseline = rps.get(bare.name)!;
    console.log(
      `\nservers(first: 100) { plan region image }, ${CONNECTIONS} connections, ${options.rounds} interleaved rounds of ${options.seconds} s`,
    );
    console.table(
      [...rps].map(([name, value]) => ({
        target: name,
        "req/s (median)": Math.round(value),
        "vs bare Apollo": (value / baseline).toFixed(2),
      })),
    );
    console.table(counts);
    // The bar is the statement count; throughput is shown for the record, against bare
    // Apollo serving the same page from memory (no database at all), so it carries no verdict.
    return verdicts;
  } finally {
    await Promise.all(targets.map(({ target }) => target.stop()));
  }
}
