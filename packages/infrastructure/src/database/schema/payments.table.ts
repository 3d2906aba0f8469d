import { PAYMENT_GATEWAYS, PAYMENT_STATUSES } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.ts";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * Top-ups through a gateway. The two unique constraints make a double top-up impossible even if
 * a use case were wrong: one payment per (user, idempotency key), one per gateway session.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    gateway: text("gateway").notNull(),
    status: text("status").notNull(),
    authority: text("authority"),
    redirectUrl: text("redirect_url"),
    referenceId: text("reference_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    unique("payments_user_id_idempotency_key_unique").on(t.userId, t.idempotencyKey),
    unique("payments_gateway_authority_unique").on(t.gateway, t.authority),
    index("payments_status_created_at_idx").on(t.status, t.createdAt),
    index("payments_user_id_created_at_id_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("payments_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
    check("payments_amount_check", sql`${t.amount} > 0`),
    check("payments_gateway_check", sql`${t.gateway} in (${inList(PAYMENT_GATEWAYS)})`),
    check("payments_status_check", sql`${t.status} in (${inList(PAYMENT_STATUSES)})`),
    check("payments_closed_at_check", sql`(${t.status} = 'PENDING') = (${t.closedAt} is null)`),
    check(
      "payments_paid_check",
      sql`(${t.status} = 'PAID') = (${t.paidAt} is not null and ${t.referenceId} is not null)`,
    ),
  ],
);
