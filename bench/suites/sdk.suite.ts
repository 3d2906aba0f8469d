/**
 * The SDK's own cost: the same `Viewer` document (the SDK's, printed once) sent by a hand-written
 * `fetch` and by `createPeykarbandClient`, from closed loops in this process, in interleaved
 * rounds. The server is the real schema on bare graphql-js with static answers, in its own process:
 * against the gateway (tens of req/s on PGlite on a loaded machine) the client's cost disappears in
 * the noise, so this is the worst case for the SDK.
 */
import { print } from "graphql";
import { createPeykarbandClient, ViewerDocument } from "../../packages/sdk/src/index.ts";
import { median, medianRatio, roundRatios, startTarget } from "../load.ts";
import { verdict } from "./viewer.suite.ts";

const CONCURRENCY = 20;
const GOAL = 0.9;

/** Requests per second of `request` run back to back by `concurrency` loops for `seconds`. */
async function closedLoop(request: () => Promise<unknown>, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await request();
      completed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return completed / ((performance.now() - started) / 1000);
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
    await closedLoop(rawFetch, 2);
    await closedLoop(sdk, 2);
    const raw: number[] = [];
    const viaSdk: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      raw.push(await closedLoop(rawFetch, options.seconds));
      viaSdk.push(await closedLoop(sdk, options.seconds));
    }
    console.log(
      `\nViewer through the SDK vs raw fetch, ${CONCURRENCY} concurrent loops, ${options.rounds} interleaved rounds of ${options.seconds} s`,
    );
    console.table([
      { client: "raw fetch", "req/s (median)": Math.round(median(raw)) },
      {
        client: "SDK",
        "req/s (median)": Math.round(median(viaSdk)),
        "each round vs raw": roundRatios(viaSdk, raw),
      },
    ]);
    return [verdict("SDK vs raw fetch", medianRatio(viaSdk, raw), GOAL)];
  } finally {
    await target.stop();
  }
}
