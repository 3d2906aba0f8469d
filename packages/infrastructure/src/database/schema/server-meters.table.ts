import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { servers } from "./servers.table.ts";
import { users } from "./users.table.ts";

/**
 * One meter per server (docs/billing.md): from the order to the deletion, how far its usage is
 * posted to the ledger and what the order prepaid. Written with the server's changes; advanced
 * only by `billing_settle` (migration 0007), under the row's lock.
 */
export const serverMeters = pgTable(
  "server_meters",
  {
    serverId: uuid("server_id")
      .primaryKey()
      .references(() => servers.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    /** The later of the deletion and the 60-second minimum; null while the server runs. */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** The server FAILED: it accrues nothing. */
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    prepaidRials: bigint("prepaid_rials", { mode: "bigint" }).notNull(),
    settledUntil: timestamp("settled_until", { withTimezone: true }).notNull(),
    settledRials: bigint("settled_rials", { mode: "bigint" }).notNull(),
    settledFinal: boolean("settled_final").notNull().default(false),
    /** Our share of the prepayment: the first hour at our price (less when a reseller marked it up). */
    ourPrepaidRials: bigint("our_prepaid_rials", { mode: "bigint" }).notNull(),
    /** Accrued rials at our prices up to settledUntil: where the next posting's margin starts. */
    ourSettledRials: bigint("our_settled_rials", { mode: "bigint" }).notNull(),
  },
  (t) => [
    index("server_meters_user_id_idx").on(t.userId),
    check("server_meters_prepaid_check", sql`${t.prepaidRials} >= 0`),
    check("server_meters_settled_check", sql`${t.settledRials} >= 0 and ${t.settledUntil} >= ${t.startedAt}`),
    check(
      "server_meters_ours_check",
      sql`${t.ourPrepaidRials} between 0 and ${t.prepaidRials} and ${t.ourSettledRials} between 0 and ${t.settledRials}`,
    ),
  ],
);
