import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const attemptThrottle = pgTable("attempt_throttle", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
