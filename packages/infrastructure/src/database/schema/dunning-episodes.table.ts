import { DUNNING_STAGES } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * A customer's dunning episodes (docs/billing.md, Dunning). The stage moves by compare-and-set
 * only, so each stage, and the notice that comes with it, is entered once.
 */
export const dunningEpisodes = pgTable(
  "dunning_episodes",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    stage: text("stage").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    graceEndsAt: timestamp("grace_ends_at", { withTimezone: true }),
    terminatesAt: timestamp("terminates_at", { withTimezone: true }),
    terminationWarnedAt: timestamp("termination_warned_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    // At most one open episode per customer: two workers opening one at once get one.
    uniqueIndex("dunning_episodes_open_unique")
      .on(t.userId)
      .where(sql`${t.closedAt} is null`),
    index("dunning_episodes_user_id_idx").on(t.userId),
    check("dunning_episodes_stage_check", sql`${t.stage} in (${inList(DUNNING_STAGES)})`),
  ],
);
