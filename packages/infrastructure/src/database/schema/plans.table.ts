import { CLOUD_PROVIDERS } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * The catalog file's plans, synced at start, with the provider's cost as the file states it and
 * the rial prices computed from it at that start. Dropped plans are retired, never deleted.
 */
export const plans = pgTable(
  "plans",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    provider: text("provider").notNull(),
    vcpus: integer("vcpus").notNull(),
    memoryMb: integer("memory_mb").notNull(),
    diskGb: integer("disk_gb").notNull(),
    /** ISO 4217 of the provider's price: USD, EUR. */
    costCurrency: text("cost_currency").notNull(),
    /** The provider's monthly price in that currency's minor unit (cents). */
    monthlyCostMinor: bigint("monthly_cost_minor", { mode: "bigint" }).notNull(),
    hourlyPrice: bigint("hourly_price", { mode: "bigint" }).notNull(),
    monthlyPrice: bigint("monthly_price", { mode: "bigint" }).notNull(),
    /** Where the file lists it: lists come back in the operators' order. */
    position: integer("position").notNull(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("plans_provider_check", sql`${t.provider} in (${inList(CLOUD_PROVIDERS)})`),
    check("plans_prices_check", sql`${t.hourlyPrice} > 0 and ${t.monthlyPrice} > 0`),
  ],
);
