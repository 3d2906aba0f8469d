/**
 * The hourly settlement of 10,000 running servers on PostgreSQL: one run of the use case
 * (`settleUsage` → DrizzleBillingRepository → `billing_settle`) against one bare `INSERT … SELECT`
 * that writes the same rows (10,000 postings, 10,000 ledger transactions, 20,000 entries, the
 * wallets, 10,000 meter updates) with none of the logic, in the same run, round by round.
 */
import { settleUsage } from "../../packages/application/src/billing/settle-usage.use-case.ts";
import { DrizzleBillingRepository, type Database } from "../../packages/infrastructure/src/index.ts";
import {
  FixedClock,
  insertRunningServers,
  insertUsers,
  seedCatalog,
  testDatabases,
  TEST_VAT_RATE,
} from "../../packages/infrastructure/src/testing/index.ts";
import { median, medianRatio, roundRatios } from "../load.ts";
import { verdict } from "./viewer.suite.ts";

const SERVERS = 10_000;
const USERS = 1_000;
const HOUR = 3_600_000;
const HOURLY_RATE = 36_000n;
const startedAt = new Date("2026-10-15T08:00:00.000Z");

/**
 * Each call writes the rows a settlement of every meter would, under keys of their own (a window
 * start far in the past, references `bench:`), balanced, and rewrites each meter's row unchanged.
 */
const BARE_SETTLEMENT = `
  with "due" as (
    select "server_id", "user_id", $2::bigint as "charge", gen_random_uuid() as "transaction_id"
    from "server_meters"
  ),
  "posted" as (
    insert into "server_usage_postings" ("server_id", "starts_at", "ends_at", "accrued_rials", "charged_rials", "transaction_id", "created_at")
      select "server_id", '2000-01-01'::timestamptz + $3 * interval '1 hour', $1::timestamptz, "charge", "charge", "transaction_id", $1::timestamptz
      from "due"
      returning "server_id"
  ),
  "transactions" as (
    insert into "ledger_transactions" ("id", "reference", "kind", "reason", "created_at")
      select "transaction_id", 'bench:' || "server_id" || ':' || $3, 'USAGE', 'Benchmark usage', $1::timestamptz from "due"
  ),
  "entries" as (
    insert into "ledger_entries" ("id", "transaction_id", "account", "user_id", "amount", "created_at")
      select gen_random_uuid(), "transaction_id", 'wallet:' || "user_id", "user_id", -"charge", $1::timestamptz from "due"
      union all
      select gen_random_uuid(), "transaction_id", 'revenue', null, "charge", $1::timestamptz from "due"
  ),
  "balances" as (
    insert into "wallets" ("user_id", "balance", "updated_at")
      select "user_id", -sum("charge"), $1::timestamptz from "due" group by "user_id"
      on conflict ("user_id") do update set "balance" = "wallets"."balance" + excluded."balance", "updated_at" = excluded."updated_at"
  ),
  "advanced" as (
    update "server_meters" "m" set "settled_until" = "m"."settled_until" from "due" "d" where "m"."server_id" = "d"."server_id"
  )
  select count(*)::int as "n" from "posted"`;

async function bareSettlement(database: Database, until: Date, round: number): Promise<number> {
  if (database.kind !== "postgres") throw new Error("the settlement benchmark runs on PostgreSQL");
  const rows = await database.client.begin(async (sql) => {
    // The same flag `billing_settle` sets: its rows balance by construction, no per-row check at commit.
    await sql`select set_config('ledger.writing', 'batch', true)`;
    return sql.unsafe(BARE_SETTLEMENT, [until.toISOString(), String(HOURLY_RATE), round]);
  });
  return (rows[0] as unknown as { n: number }).n;
}

async function timed(run: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const written = await run();
  const ms = performance.now() - started;
  if (written !== SERVERS) throw new Error(`expected ${SERVERS} postings, got ${written}`);
  return ms;
}

export async function settleSuite(options: { rounds: number }) {
  const postgres = testDatabases().find((t) => t.name === "postgresql" && t.skipReason === null);
  if (!postgres) throw new Error("the settlement benchmark needs DATABASE_URL (PostgreSQL)");
  const database = await postgres.open();
  try {
    if (database.kind !== "postgres") throw new Error("expected a PostgreSQL scratch database");
    await seedCatalog(database);
    const owners = await insertUsers(database, USERS);
    await insertRunningServers(database, {
      userIds: owners.map((u) => u.id),
      count: SERVERS,
      startedAt,
      hourlyRate: HOURLY_RATE,
      monthlyCap: HOURLY_RATE * 10_000n,
    });
    await database.client.unsafe("analyze");
    const billing = new DrizzleBillingRepository(database.db, TEST_VAT_RATE);
    const settleHour = (hour: number) =>
      timed(async () => {
        const clock = new FixedClock(new Date(startedAt.getTime() + hour * HOUR));
        return (await settleUsage({ billing, clock })).postings;
      });
    const bareHour = (hour: number) =>
      timed(() => bareSettlement(database, new Date(startedAt.getTime() + hour * HOUR), hour));

    // One warm-up hour each, then the rounds: the use case's hour, then the bare statement's.
    await settleHour(1);
    await bareHour(1);
    const runs = { settle: [] as number[], bare: [] as number[] };
    for (let round = 0; round < options.rounds; round++) {
      runs.settle.push(await settleHour(round + 2));
      runs.bare.push(await bareHour(round + 2));
    }
    // A ratio of speeds (higher is better): the bare statement's time over the settlement's.
    const ratio = medianRatio(runs.bare, runs.settle);
    console.log(`\nhourly settlement of ${SERVERS} servers of ${USERS} wallets, ${options.rounds} rounds`);
    console.table([
      {
        "billing_settle ms (median)": Math.round(median(runs.settle)),
        "bare INSERT … SELECT ms (median)": Math.round(median(runs.bare)),
        "rounds (bare ÷ settle)": roundRatios(runs.bare, runs.settle),
        "ratio (median of rounds)": ratio.toFixed(2),
      },
    ]);
    return [verdict(`settlement of ${SERVERS} servers vs bare INSERT … SELECT`, ratio, 0.3)];
  } finally {
    await database.close();
  }
}
