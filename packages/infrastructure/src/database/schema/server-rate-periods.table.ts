import { sql } from "drizzle-orm";
import { bigint, check, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { plans } from "./plans.table.ts";
import { servers } from "./servers.table.ts";

/**
 * A server's prices over time: one row from the order, one more from each confirmed resize. The
 * rates are copied from the catalog when the period begins, so a later catalog change applies
 * from the next period only. A period ends where the next begins. `our_*` are our own prices of
 * the plan then: a reseller's customer pays the rates with the markup, and `billing_settle` pays
 * the difference to the reseller (docs/billing.md).
 */
export const serverRatePeriods = pgTable(
  "server_rate_periods",
  {
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    hourlyRate: bigint("hourly_rate", { mode: "bigint" }).notNull(),
    monthlyCap: bigint("monthly_cap", { mode: "bigint" }).notNull(),
    ourHourlyRate: bigint("our_hourly_rate", { mode: "bigint" }).notNull(),
    ourMonthlyCap: bigint("our_monthly_cap", { mode: "bigint" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "server_rate_periods_pk", columns: [t.serverId, t.startsAt] }),
    check("server_rate_periods_rates_check", sql`${t.hourlyRate} > 0 and ${t.monthlyCap} > 0`),
    check(
      "server_rate_periods_our_rates_check",
      sql`${t.ourHourlyRate} between 0 and ${t.hourlyRate} and ${t.ourMonthlyCap} between 0 and ${t.monthlyCap}`,
    ),
  ],
);
