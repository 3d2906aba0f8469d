/**
 * `pnpm bench [viewer|login|settle|sdk|tracing|webhooks ...]`: runs the benchmarks and prints each ratio against its
 * baseline, measured in the same run. Method and recorded results: docs/performance.md.
 * BENCH_SECONDS (default 5) and BENCH_ROUNDS (default 3) tune the length.
 */
import { debitSuite } from "./suites/debit.suite.ts";
import { loginSuite } from "./suites/login.suite.ts";
import { orderSuite } from "./suites/order.suite.ts";
import { sdkSuite } from "./suites/sdk.suite.ts";
import { serversListSuite } from "./suites/servers-list.suite.ts";
import { settleSuite } from "./suites/settle.suite.ts";
import { startSuite } from "./suites/start.suite.ts";
import { subscribersSuite } from "./suites/subscribers.suite.ts";
import { topUpSuite } from "./suites/top-up.suite.ts";
import { tracingSuite } from "./suites/tracing.suite.ts";
import { viewerSuite } from "./suites/viewer.suite.ts";
import { webhooksSuite } from "./suites/webhooks.suite.ts";

const suites = {
  viewer: viewerSuite,
  login: loginSuite,
  debit: debitSuite,
  "top-up": topUpSuite,
  "servers-list": serversListSuite,
  order: orderSuite,
  subscribers: subscribersSuite,
  settle: settleSuite,
  sdk: sdkSuite,
  start: startSuite,
  tracing: tracingSuite,
  webhooks: webhooksSuite,
} as const;
type SuiteName = keyof typeof suites;

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(", ")}; known: ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}
const names = (requested.length ? requested : Object.keys(suites)) as SuiteName[];
const options = {
  seconds: Number(process.env["BENCH_SECONDS"] ?? 5),
  rounds: Number(process.env["BENCH_ROUNDS"] ?? 3),
};

const verdicts = [];
for (const name of names) verdicts.push(...(await suites[name](options)));
console.log("\nsummary");
for (const v of verdicts)
  console.log(`  ${v.met ? "OK   " : "BELOW"} ${v.name}: ${v.ratio.toFixed(2)}x (≥ ${v.target}x)`);
process.exit(verdicts.every((v) => v.met) ? 0 : 1);
