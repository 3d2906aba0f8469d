import { integer, boolean, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { plans } from "./plans.table.ts";
import { regions } from "./regions.table.ts";

/** Where each plan is sold, and as which provider size there; dropped offers are retired. */
export const planOffers = pgTable(
  "plan_offers",
  {
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    providerSize: text("provider_size").notNull(),
    isAvailable: boolean("is_available").notNull(),
    /** Where the file lists it: lists come back in the operators' order. */
    position: integer("position").notNull(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "plan_offers_pk", columns: [t.planId, t.regionId] })],
);
