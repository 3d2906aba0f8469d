/**
 * logIn through the gateway against raw argon2id verify with the same parameters, in the same
 * run, at the same concurrency: what the rest of sign-in (throttle, queries, session, tokens,
 * audit, GraphQL) adds to the unavoidable hashing cost.
 */
import { spawn } from "node:child_process";
import { load, median, medianRatio, roundRatios, startTarget } from "../load.ts";
import { registerBenchUser } from "./session.ts";
import { verdict } from "./viewer.suite.ts";

export const CONCURRENCY = 8;
export const EMAIL = "login-bench@example.com";
export const PASSWORD = "benchmark password";
export const LOG_IN = {
  query: `mutation LogIn($input: LogInInput!) {
    logIn(input: $input) { session { accessToken } userErrors { code } }
  }`,
  operationName: "LogIn",
  variables: { input: { email: EMAIL, password: PASSWORD } },
};

function rawArgon2(seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/targets/raw-argon2.target.ts"], {
      env: { ...process.env, CONCURRENCY: String(CONCURRENCY), SECONDS: String(seconds) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) =>
      code === 0
        ? resolve((JSON.parse(out) as { perSecond: number }).perSecond)
        : reject(new Error(`argon2 ${code}`)),
    );
  });
}

export async function loginSuite(options: { seconds: number; rounds: number }) {
  const databases = process.env["DATABASE_URL"] ? ["pglite", "postgres"] : ["pglite"];
  const gateways = [];
  try {
    for (const database of databases) {
      const name = `logIn through the gateway (${database === "pglite" ? "PGlite" : "PostgreSQL"})`;
      const gateway = await startTarget(name, "bench/targets/gateway.target.ts", {
        BENCH_DATABASE: database,
      });
      gateways.push(gateway);
      await registerBenchUser(gateway.url, EMAIL, PASSWORD);
      await load(gateway.url, LOG_IN, { connections: CONCURRENCY, seconds: 2 });
    }
    const raw: number[] = [];
    const logIns = new Map<string, number[]>(gateways.map((gateway) => [gateway.name, []]));
    for (let round = 0; round < options.rounds; round++) {
      raw.push(await rawArgon2(options.seconds));
      for (const gateway of gateways) {
        const run = await load(gateway.url, LOG_IN, { connections: CONCURRENCY, seconds: options.seconds });
        if (run.errors > 0) throw new Error(`${gateway.name}: ${run.errors} failed requests`);
        logIns.get(gateway.name)!.push(run.requestsPerSecond);
      }
    }
    console.log(
      `\nlogIn vs raw argon2id verify, ${CONCURRENCY} concurrent, ${options.rounds} interleaved rounds; ratios are medians of each round's ratio`,
    );
    console.table([
      {
        what: "raw argon2id verify",
        "per second (median)": median(raw).toFixed(1),
        ratio: "1.00",
        "each round": "",
      },
      ...[...logIns].map(([name, values]) => ({
        what: name,
        "per second (median)": median(values).toFixed(1),
        ratio: medianRatio(values, raw).toFixed(2),
        "each round": roundRatios(values, raw),
      })),
    ]);
    return [...logIns].map(([name, values]) =>
      verdict(`${name} vs raw argon2 verify`, medianRatio(values, raw), 0.8),
    );
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
  }
}
