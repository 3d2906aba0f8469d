import { CLOUD_PROVIDERS } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * The catalog file's regions, synced at start. A region dropped from the file is retired
 * (`retired_at`), never deleted: servers keep referencing it.
 */
export const regions = pgTable(
  "regions",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    provider: text("provider").notNull(),
    country: text("country").notNull(),
    city: text("city").notNull(),
    providerRegion: text("provider_region").notNull(),
    isAvailable: boolean("is_available").notNull(),
    /** Where the file lists it: lists come back in the operators' order. */
    position: integer("position").notNull(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("regions_provider_check", sql`${t.provider} in (${inList(CLOUD_PROVIDERS)})`)],
);
