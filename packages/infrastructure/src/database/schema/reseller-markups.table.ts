import { sql } from "drizzle-orm";
import { check, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

/** A reseller's markup over our prices, in basis points; no row means 0 (our prices). */
export const resellerMarkups = pgTable(
  "reseller_markups",
  {
    resellerId: uuid("reseller_id")
      .primaryKey()
      .references(() => users.id),
    basisPoints: integer("basis_points").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("reseller_markups_basis_points_check", sql`${t.basisPoints} between 0 and 100000`)],
);
