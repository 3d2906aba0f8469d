/**
 * `pnpm exec tsx bench/sign-in-cpu.ts`: CPU per logIn by thread, read from /proc (Linux), for the
 * gateway on PGlite, or on PostgreSQL with BENCH_DATABASE=postgres and DATABASE_URL (then the
 * database's own processes are counted too). Less sensitive to a noisy machine than throughput:
 * docs/performance.md compares these figures before and after a change. ROUNDS (default 2) runs
 * of 8 s at 8 concurrent, after a 3 s warm-up.
 */
import { readdirSync, readFileSync } from "node:fs";
import { load, startTarget } from "./load.ts";
import { CONCURRENCY, EMAIL, LOG_IN, PASSWORD } from "./suites/login.suite.ts";
import { registerBenchUser } from "./suites/session.ts";

const SECONDS = 8;
const database = process.env["BENCH_DATABASE"] === "postgres" ? "postgres" : "pglite";

/** CPU ticks (1/100 s) of a stat line: user + system. */
const ticksOf = (stat: string) => {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
};

function cpuTicks(pid: number): Map<string, number> {
  const byThread = new Map<string, number>([
    ["main thread", 0],
    ["other threads", 0],
    ["PostgreSQL", 0],
  ]);
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const key = tid === String(pid) ? "main thread" : "other threads";
    byThread.set(key, byThread.get(key)! + ticksOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8")));
  }
  for (const other of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${other}/stat`, "utf8");
      if (stat.includes("(postgres)"))
        byThread.set("PostgreSQL", byThread.get("PostgreSQL")! + ticksOf(stat));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byThread;
}

const gateway = await startTarget("gateway", "bench/targets/gateway.target.ts", { BENCH_DATABASE: database });
try {
  await registerBenchUser(gateway.url, EMAIL, PASSWORD);
  await load(gateway.url, LOG_IN, { connections: CONCURRENCY, seconds: 3 });
  for (let round = 0; round < Number(process.env["ROUNDS"] ?? 2); round++) {
    const before = cpuTicks(gateway.pid);
    const run = await load(gateway.url, LOG_IN, { connections: CONCURRENCY, seconds: SECONDS });
    const after = cpuTicks(gateway.pid);
    if (run.errors > 0) throw new Error(`${run.errors} failed sign-ins`);
    const signIns = run.requestsPerSecond * SECONDS;
    const perSignIn = [...after]
      .map(([name, ticks]) => `${name} ${(((ticks - before.get(name)!) * 10) / signIns).toFixed(2)} ms`)
      .join(", ");
    console.log(`${database}: ${run.requestsPerSecond.toFixed(1)} sign-ins/s; CPU a sign-in: ${perSignIn}`);
  }
} finally {
  await gateway.stop();
}
