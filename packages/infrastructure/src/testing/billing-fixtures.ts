import type { VatRateBasisPoints } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import type { Database } from "../database/database.ts";
import { rowsOf } from "../database/result-rows.ts";

/** VAT_RATE_PERCENT's default, 10 %, as the repositories take it. */
export const TEST_VAT_RATE: VatRateBasisPoints = 1000;

/**
 * `count` ACTIVE DigitalOcean servers spread round-robin over `userIds`, each with an open meter from
 * `startedAt` (nothing prepaid, nothing settled) and one rate period, written set-wise: a benchmark
 * needs ten thousand in seconds. Needs the catalog (seedCatalog). Returns the servers' ids.
 */
export async function insertRunningServers(
  database: Pick<Database, "db">,
  input: {
    readonly userIds: readonly string[];
    readonly count: number;
    readonly startedAt: Date;
    readonly hourlyRate: bigint;
    readonly monthlyCap: bigint;
  },
): Promise<string[]> {
  const at = input.startedAt.toISOString();
  const users = `{${input.userIds.join(",")}}`;
  const result: unknown = await database.db.execute(sql`
    with "owners" as (select ${users}::uuid[] as "ids"),
    "inserted" as (
      insert into servers (id, user_id, name, status, provider, plan_id, region_id, image_id, ssh_key_ids,
        provider_server_id, version, idempotency_key, created_at, updated_at)
      select gen_random_uuid(), "ids"[1 + (n - 1) % cardinality("ids")], 'metered-' || n, 'ACTIVE',
        'DIGITALOCEAN', 'do-s-1vcpu-1gb', 'do-fra1', 'ubuntu-24.04', '{}', 'do-' || n, 3,
        'metered-' || gen_random_uuid(), ${at}::timestamptz, ${at}::timestamptz
      from generate_series(1, ${input.count}::int) as n, "owners"
      returning id, user_id
    ),
    "meters" as (
      insert into server_meters (server_id, user_id, started_at, prepaid_rials, settled_until, settled_rials,
        our_prepaid_rials, our_settled_rials)
      select id, user_id, ${at}::timestamptz, 0, ${at}::timestamptz, 0, 0, 0 from "inserted"
    ),
    "rates" as (
      insert into server_rate_periods (server_id, starts_at, plan_id, hourly_rate, monthly_cap, our_hourly_rate, our_monthly_cap)
      select id, ${at}::timestamptz, 'do-s-1vcpu-1gb', ${input.hourlyRate}, ${input.monthlyCap}, ${input.hourlyRate},
        ${input.monthlyCap} from "inserted"
    )
    select id from "inserted"`);
  const rows = rowsOf<{ id: string }>(result);
  return rows.map((row) => row.id);
}
