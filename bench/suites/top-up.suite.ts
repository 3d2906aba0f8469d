/**
 * Top-up completion as a payer lives it, through the real gateway and its sandbox Zarinpal
 * simulator: startTopUp, load the gateway's page, press pay, follow the redirect to our callback
 * (verify, then payment and ledger in one transaction, 303 to the result page), then read the
 * balance in GraphQL until it shows the credit. USERS signed-up users each complete top-ups in a
 * loop for the run's length; every completion's latency is measured end to end.
 *
 * Baseline, in the same run and against the same simulator in the same process: the round trips
 * a completion cannot do without, straight to the simulator with no API of ours in between:
 * request.json, the StartPay page, the pay decision, verify.json. The ratio says what our API
 * (GraphQL, authentication, database, ledger, callback route, balance read) adds to it.
 */
import { randomUUID } from "node:crypto";
import { median, startTarget, type Target } from "../load.ts";
import { registerBenchUser } from "./session.ts";
import type { verdict } from "./viewer.suite.ts";

const USERS = 50;
const AMOUNT = 5_000_000n;
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const PAY = new URLSearchParams({ decision: "pay" }).toString();

const START_TOP_UP = `mutation StartTopUp($input: StartTopUpInput!) {
  startTopUp(input: $input) { redirectUrl userErrors { code } }
}`;
const BALANCE = "query Balance { viewer { wallet { balance } } }";

type Completion = (user: number) => Promise<void>;

interface Run {
  readonly latenciesMs: number[];
  readonly seconds: number;
}

async function graphql<T>(url: string, token: string, query: string, variables?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}

/** Loads the gateway's page and presses pay; returns where the gateway sends the browser. */
async function payOnPage(pageUrl: string): Promise<URL> {
  const page = await fetch(pageUrl);
  if (page.status !== 200) throw new Error(`payment page answered ${page.status}`);
  await page.text();
  const decided = await fetch(pageUrl, { method: "POST", headers: FORM, body: PAY, redirect: "manual" });
  await decided.text();
  const location = decided.headers.get("location");
  if (decided.status !== 302 || !location) throw new Error(`pay answered ${decided.status}`);
  return new URL(location, pageUrl);
}

function throughOurApi(target: Target, tokens: readonly string[]): Completion {
  const expected = tokens.map(() => 0n);
  return async (user) => {
    const token = tokens[user]!;
    const { startTopUp } = await graphql<{
      startTopUp: { redirectUrl: string | null; userErrors: { code: string }[] };
    }>(target.url, token, START_TOP_UP, {
      input: { amount: AMOUNT.toString(), gateway: "ZARINPAL", idempotencyKey: randomUUID() },
    });
    if (!startTopUp.redirectUrl) throw new Error(`startTopUp: ${JSON.stringify(startTopUp.userErrors)}`);
    const callback = await payOnPage(startTopUp.redirectUrl);
    const returned = await fetch(callback, { redirect: "manual" });
    await returned.text();
    const result = returned.headers.get("location") ?? "";
    if (returned.status !== 303 || !result.includes("status=PAID")) {
      throw new Error(`callback answered ${returned.status} ${result}`);
    }
    expected[user]! += AMOUNT;
    const { viewer } = await graphql<{ viewer: { wallet: { balance: string } } }>(target.url, token, BALANCE);
    // The callback commits before it answers, so the credit must already show, exactly once.
    if (BigInt(viewer.wallet.balance) !== expected[user]) {
      throw new Error(`balance ${viewer.wallet.balance}, expected ${expected[user]}`);
    }
  };
}

function simulatorAlone(target: Target): Completion {
  const base = target.values["zarinpalUrl"];
  const merchantId = target.values["zarinpalMerchantId"];
  if (!base || !merchantId) throw new Error(`${target.name} did not announce its Zarinpal simulator`);
  const api = async (method: string, body: Record<string, unknown>) => {
    const response = await fetch(`${base}/pg/v4/payment/${method}.json`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { data: { code?: number; authority?: string } };
    if (response.status !== 200) throw new Error(`${method} answered ${response.status}`);
    return answer.data;
  };
  const amount = Number(AMOUNT);
  return async () => {
    const { authority } = await api("request", {
      merchant_id: merchantId,
      amount,
      currency: "IRR",
      description: "Benchmark",
      // Never fetched: the baseline stops at the redirect, as our callback route starts there.
      callback_url: "http://127.0.0.1:9/callback",
      metadata: { order_id: randomUUID() },
    });
    if (!authority) throw new Error("request gave no authority");
    const back = await payOnPage(`${base}/pg/StartPay/${authority}`);
    if (back.searchParams.get("Status") !== "OK") throw new Error(`pay returned ${back.href}`);
    const verified = await api("verify", { merchant_id: merchantId, amount, authority });
    if (verified.code !== 100) throw new Error(`verify answered code ${verified.code}`);
  };
}

async function drive(complete: Completion, seconds: number): Promise<Run> {
  const started = performance.now();
  const until = started + seconds * 1000;
  const latenciesMs: number[] = [];
  await Promise.all(
    Array.from({ length: USERS }, async (_, user) => {
      while (performance.now() < until) {
        const begun = performance.now();
        await complete(user);
        latenciesMs.push(performance.now() - begun);
      }
    }),
  );
  return { latenciesMs, seconds: (performance.now() - started) / 1000 };
}

/** Nearest-rank percentile. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summarize(runs: readonly Run[]) {
  const sorted = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  return {
    count: sorted.length,
    perSecond: median(runs.map((r) => r.latenciesMs.length / r.seconds)),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

export async function topUpSuite(options: {
  seconds: number;
  rounds: number;
}): Promise<ReturnType<typeof verdict>[]> {
  const databases = [
    { name: "PGlite", env: { BENCH_DATABASE: "pglite" } },
    ...(process.env["DATABASE_URL"] ? [{ name: "PostgreSQL", env: { BENCH_DATABASE: "postgres" } }] : []),
  ];
  const rows = [];
  const lines = [];
  for (const database of databases) {
    const target = await startTarget(
      `gateway on ${database.name}`,
      "bench/targets/gateway.target.ts",
      database.env,
    );
    try {
      const tokens: string[] = [];
      for (let user = 0; user < USERS; user++) {
        tokens.push(await registerBenchUser(target.url, `top-up-${user}@example.com`, "benchmark password"));
      }
      const contenders = { ours: throughOurApi(target, tokens), baseline: simulatorAlone(target) };
      // Warm-up: JIT, connection pools, the simulators' page templates.
      for (const complete of Object.values(contenders)) await drive(complete, 2);
      const runs = { ours: [] as Run[], baseline: [] as Run[] };
      for (let round = 0; round < options.rounds; round++) {
        runs.baseline.push(await drive(contenders.baseline, options.seconds));
        runs.ours.push(await drive(contenders.ours, options.seconds));
      }
      const ours = summarize(runs.ours);
      const baseline = summarize(runs.baseline);
      for (const [what, s] of [
        [`top-up through the gateway on ${database.name}`, ours],
        [`simulator alone (same process as ${database.name} run)`, baseline],
      ] as const) {
        rows.push({
          what,
          completions: s.count,
          "per second (median)": s.perSecond.toFixed(1),
          "p50 ms": s.p50.toFixed(1),
          "p95 ms": s.p95.toFixed(1),
          "p99 ms": s.p99.toFixed(1),
        });
      }
      lines.push(
        `top-up completion on ${database.name}: p95 ${ours.p95.toFixed(1)} ms, ${(ours.p95 / baseline.p95).toFixed(2)}x the simulator alone (p95 ${baseline.p95.toFixed(1)} ms); throughput ${(ours.perSecond / baseline.perSecond).toFixed(2)}x`,
      );
    } finally {
      await target.stop();
    }
  }
  console.log(
    `\ntop-up completion (startTopUp → Zarinpal simulator page → pay → callback → credited balance in GraphQL), ${USERS} concurrent users, ${options.rounds} interleaved rounds of ${options.seconds} s`,
  );
  console.table(rows);
  for (const line of lines) console.log(line);
  // No target is set for this figure: it is reported, not judged.
  return [];
}
