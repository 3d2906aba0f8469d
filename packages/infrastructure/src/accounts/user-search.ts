import type { KeysetPageQuery, UserCursor, UserPage, UserSearchFilter } from "@peykarband/application";
import { and, count, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { users } from "../database/schema.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";
import { toUser } from "./user.repository.ts";

/** `search`'s page of accounts, newest first, keyset either way (the users_created_at_id index). */
export async function searchUsers(
  db: Db,
  query: UserSearchFilter & KeysetPageQuery<UserCursor>,
): Promise<UserPage> {
  const { cursor } = query;
  if (cursor && !isUuid(cursor.id)) return { users: [], hasMore: false };
  const backward = query.direction === "before";
  const position = cursor && sql`(${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        matching(query),
        position &&
          (backward
            ? sql`(${users.createdAt}, ${users.id}) > ${position}`
            : sql`(${users.createdAt}, ${users.id}) < ${position}`),
      ),
    )
    // The indexes are "desc nulls last"; backwards reads them from the other end.
    .orderBy(
      ...(backward
        ? [sql`${users.createdAt} asc nulls first`, sql`${users.id} asc nulls first`]
        : [sql`${users.createdAt} desc nulls last`, sql`${users.id} desc nulls last`]),
    )
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit).map(toUser);
  return { users: backward ? page.reverse() : page, hasMore: rows.length > query.limit };
}

export async function countUsers(db: Db, filter: UserSearchFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(matching(filter));
  return row!.n;
}

function matching(filter: UserSearchFilter): SQL | undefined {
  return and(
    // Emails are stored canonical, so a canonical prefix compares byte for byte; LIKE on the
    // text_pattern_ops index, with the prefix's own % and _ (and the escape) taken literally.
    filter.emailPrefix === undefined
      ? undefined
      : sql`${users.email} like ${filter.emailPrefix.replace(/[\\%_]/g, "\\$&") + "%"}`,
    filter.role === undefined ? undefined : eq(users.role, filter.role),
    filter.resellerId === undefined ? undefined : eq(users.resellerId, filter.resellerId),
  );
}
