/**
 * The SDK's own cost: the same `Viewer` document (the SDK's, printed once) sent by a hand-written
 * `fetch` and by `createPeykarbandClient`, from closed loops in this process, in interleaved
 * rounds. The server is the real schema on bare graphql-js with static answers, in its own process:
 * against the gateway (tens of req/s on PGlite on a loaded machine) the client's cost disappears in
 * the noise, so this is the worst case for the SDK.
 */
import { readFileSync } from "node:fs";
import { print } from "graphql";
import { createPeykarbandClient, ViewerDocument } from "../../packages/sdk/src/index.ts";
import { median, medianRatio, roundRatios, startTarget } from "../load.ts";
import { verdict } from "./viewer.suite.ts";

const CONCURRENCY = 20;
const GOAL = 0.9;

/** CPU time a process has used, user and system, in microseconds (Linux, 100 ticks a second). */
function processCpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

interface LoopRun {
  readonly requestsPerSecond: number;
  /** CPU of this process (the client) and of the server, per request, in microseconds. */
  readonly cpuPerRequest: number;
}

/** `request` run back to back by `CONCURRENCY` loops for `seconds`. */
async function closedLoop(
  request: () => Promise<unknown>,
  seconds: number,
  serverPid: number,
): Promise<LoopRun> {
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await request();
      completed++;
    }
  };
  const started = performance.now();
  const clientCpu = process.cpuUsage();
  const serverCpu = processCpuMicros(serverPid);
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const { user, system } = process.cpuUsage(clientCpu);
  const cpu = user + system + processCpuMicros(serverPid) - serverCpu;
  return {
    requestsPerSecond: completed / ((performance.now() - started) / 1000),
    cpuPerRequest: cpu / completed,
  };
}

export async function sdkSuite(options: { seconds: number; rounds: number }) {
  const target = await startTarget("real schema on graphql-js", "bench/targets/static-schema.target.ts");
  try {
    // Both send a bearer token, as a signed-in client does; this server does not check it.
    const accessToken = "bench-access-token";
    const body = JSON.stringify({ query: print(ViewerDocument), variables: {}, operationName: "Viewer" });
    const headers = { "content-type": "application/json", authorization: `Bearer ${accessToken}` };
    const rawFetch = async () => {
      const response = await fetch(target.url, { method: "POST", headers, body });
      const result = (await response.json()) as { data?: { viewer: unknown } };
      if (!result.data?.viewer) throw new Error(`raw fetch: ${JSON.stringify(result)}`);
    };
    const client = createPeykarbandClient({
      url: target.url,
      session: { accessToken, refreshToken: "unused" },
    });
    const sdk = async () => {
      const { viewer } = await client.Viewer();
      if (!viewer) throw new Error("sdk: no viewer");
    };

    // Warm-up: JIT, keep-alive sockets, the server's document cache.
    await closedLoop(rawFetch, 2, target.pid);
    await closedLoop(sdk, 2, target.pid);
    const raw: LoopRun[] = [];
    const viaSdk: LoopRun[] = [];
    for (let round = 0; round < options.rounds; round++) {
      raw.push(await closedLoop(rawFetch, options.seconds, target.pid));
      viaSdk.push(await closedLoop(sdk, options.seconds, target.pid));
    }
    // Throughput per CPU: on a shared machine req/s swings with the neighbours' load, CPU time
    // per request much less. The ratio is how many requests the SDK makes per CPU-second of
    // client and server together, against raw fetch.
    const perCpu = (runs: LoopRun[]) => runs.map((run) => 1 / run.cpuPerRequest);
    const rates = (runs: LoopRun[]) => runs.map((run) => run.requestsPerSecond);
    console.log(
      `\nViewer through the SDK vs raw fetch, ${CONCURRENCY} concurrent loops, ${options.rounds} interleaved rounds of ${options.seconds} s`,
    );
    const row = (client: string, runs: LoopRun[]) => ({
      client,
      "req/s (median)": Math.round(median(rates(runs))),
      "CPU µs/request (median)": Math.round(median(runs.map((run) => run.cpuPerRequest))),
    });
    console.table([row("raw fetch", raw), row("SDK", viaSdk)]);
    console.log(`req/s, each round SDK ÷ raw: ${roundRatios(rates(viaSdk), rates(raw))}`);
    console.log(`requests per CPU-second, each round SDK ÷ raw: ${roundRatios(perCpu(viaSdk), perCpu(raw))}`);
    return [verdict("SDK vs raw fetch, by CPU", medianRatio(perCpu(viaSdk), perCpu(raw)), GOAL)];
  } finally {
    await target.stop();
  }
}
