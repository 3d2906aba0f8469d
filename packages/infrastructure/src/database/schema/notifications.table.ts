import { NOTICE_KINDS, NOTIFICATION_CHANNELS } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * The outbox: each message is written, rendered in the customer's language, in the same
 * transaction as what causes it, with its `notifications.send` job; the worker sends it and sets
 * `sent_at`. `dedupe_key` makes a second write of the same notice a no-op.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    language: text("language").notNull(),
    /** An email address or an E.164 mobile number. */
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique("notifications_dedupe_key_unique"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** The provider's last refusal or fault, never with a credential in it. */
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
  },
  (t) => [
    index("notifications_user_id_created_at_idx").on(t.userId, t.createdAt),
    check("notifications_kind_check", sql`${t.kind} in (${inList(NOTICE_KINDS)})`),
    check("notifications_channel_check", sql`${t.channel} in (${inList(NOTIFICATION_CHANNELS)})`),
  ],
);
