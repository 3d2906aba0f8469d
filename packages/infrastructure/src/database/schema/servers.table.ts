import { CLOUD_PROVIDERS, SERVER_OPERATIONS, SERVER_STATUSES } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { images } from "./images.table.ts";
import { plans } from "./plans.table.ts";
import { regions } from "./regions.table.ts";
import { users } from "./users.table.ts";

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * Customers' servers. Rows are never deleted (DELETED is a status): billing, history and the
 * sweeper that looks for provider servers nobody pays for all need them.
 */
export const servers = pgTable(
  "servers",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    status: text("status").notNull(),
    provider: text("provider").notNull(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    imageId: text("image_id")
      .notNull()
      .references(() => images.id),
    sshKeyIds: uuid("ssh_key_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    providerServerId: text("provider_server_id"),
    ipv4: text("ipv4"),
    ipv6: text("ipv6"),
    pendingOperation: text("pending_operation"),
    failureReason: text("failure_reason"),
    version: integer("version").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    unique("servers_user_id_idempotency_key_unique").on(t.userId, t.idempotencyKey),
    // Two orders must never own the same provider server; a provider never reuses an id.
    uniqueIndex("servers_provider_server_id_unique")
      .on(t.provider, t.providerServerId)
      .where(sql`${t.providerServerId} is not null`),
    index("servers_user_id_created_at_id_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("servers_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
    check("servers_status_check", sql`${t.status} in (${inList(SERVER_STATUSES)})`),
    check("servers_provider_check", sql`${t.provider} in (${inList(CLOUD_PROVIDERS)})`),
    check(
      "servers_pending_operation_check",
      sql`${t.pendingOperation} is null or ${t.pendingOperation} in (${inList(SERVER_OPERATIONS)})`,
    ),
    check("servers_version_check", sql`${t.version} >= 1`),
    check("servers_deleted_at_check", sql`(${t.status} = 'DELETED') = (${t.deletedAt} is not null)`),
  ],
);
