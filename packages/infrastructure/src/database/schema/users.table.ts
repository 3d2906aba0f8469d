import { DEFAULT_LANGUAGE, LANGUAGES, ROLES } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

const TWO_FACTOR_STATUSES = ["DISABLED", "PENDING", "ENABLED"] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    /** Canonical form (see Email), so the unique index is the duplicate-account check. */
    email: text("email").notNull().unique("users_email_unique"),
    phone: text("phone"),
    role: text("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    twoFactorStatus: text("two_factor_status").notNull().default("DISABLED"),
    /** Sealed by the SecretBox: never the plain TOTP secret. */
    twoFactorSecret: text("two_factor_secret"),
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** What notices are written in. */
    language: text("language").notNull().default(DEFAULT_LANGUAGE),
    /** Set for a customer created by a RESELLER: whose tree the account belongs to. Never changes. */
    resellerId: uuid("reseller_id").references((): AnyPgColumn => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("users_reseller_id_created_at_idx").on(t.resellerId, t.createdAt, t.id),
    // The `users` query's orders and filters: newest first, by role, by the start of the email.
    index("users_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
    index("users_role_created_at_id_idx").on(t.role, t.createdAt.desc(), t.id.desc()),
    index("users_email_pattern_idx").using("btree", t.email.op("text_pattern_ops")),
    check("users_role_check", sql`${t.role} in (${inList(ROLES)})`),
    check("users_language_check", sql`${t.language} in (${inList(LANGUAGES)})`),
    check("users_two_factor_status_check", sql`${t.twoFactorStatus} in (${inList(TWO_FACTOR_STATUSES)})`),
    check(
      "users_two_factor_secret_check",
      sql`(${t.twoFactorStatus} = 'DISABLED') = (${t.twoFactorSecret} is null)`,
    ),
  ],
);
