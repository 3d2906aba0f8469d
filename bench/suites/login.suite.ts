/**
 * logIn through the gateway against raw argon2id verify with the same parameters, in the same
 * run, at the same concurrency: what the rest of sign-in (throttle, queries, session, tokens,
 * audit, GraphQL) adds to the unavoidable hashing cost.
 */
import { spawn } from "node:child_process";
import { load, median, startTarget } from "../load.ts";
import { registerBenchUser } from "./session.ts";
import { verdict } from "./viewer.suite.ts";

const CONCURRENCY = 8;

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
  const gateway = await startTarget("gateway on PGlite", "bench/targets/gateway.target.ts", {
    BENCH_DATABASE: "pglite",
  });
  try {
    const email = "login-bench@example.com";
    const password = "benchmark password";
    await registerBenchUser(gateway.url, email, password);
    const body = {
      query: `mutation LogIn($input: LogInInput!) {
        logIn(input: $input) { session { accessToken } userErrors { code } }
      }`,
      operationName: "LogIn",
      variables: { input: { email, password } },
    };
    await load(gateway.url, body, { connections: CONCURRENCY, seconds: 2 });
    const raw: number[] = [];
    const login: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      raw.push(await rawArgon2(options.seconds));
      const run = await load(gateway.url, body, { connections: CONCURRENCY, seconds: options.seconds });
      if (run.errors > 0) throw new Error(`logIn: ${run.errors} failed requests`);
      login.push(run.requestsPerSecond);
    }
    console.log(
      `\nlogIn vs raw argon2id verify, ${CONCURRENCY} concurrent, ${options.rounds} interleaved rounds`,
    );
    console.table([
      { what: "raw argon2id verify", "per second (median)": median(raw).toFixed(1) },
      { what: "logIn through the gateway", "per second (median)": median(login).toFixed(1) },
    ]);
    return [verdict("logIn vs raw argon2 verify", median(login) / median(raw), 0.8)];
  } finally {
    await gateway.stop();
  }
}
