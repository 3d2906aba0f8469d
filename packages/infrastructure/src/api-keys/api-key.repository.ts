import type { ApiKeyCursor, ApiKeyPage, ApiKeyRepository } from "@peykarband/application";
import { isApiScope, type ApiKey } from "@peykarband/domain";
import { and, asc, desc, eq, isNull, lte, or, sql, count } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { apiKeys, users } from "../database/schema.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";
import { toUser } from "../accounts/user.repository.ts";

type ApiKeyRow = typeof apiKeys.$inferSelect;

/**
 * Read from the database on every request, uncached: a revoked key is refused by every gateway
 * from the revocation on, with no eviction to broadcast.
 */
export class DrizzleApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async create(key: ApiKey & { secretHash: string }): Promise<void> {
    await this.db.insert(apiKeys).values({ ...key, scopes: [...key.scopes] });
  }

  async findForAuthentication(id: string) {
    if (!isUuid(id)) return null;
    const [row] = await this.db
      .select({ key: apiKeys, user: users })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.id, id));
    return row ? { key: toApiKey(row.key), secretHash: row.key.secretHash, user: toUser(row.user) } : null;
  }

  async listByUser(
    userId: string,
    query: { limit: number; direction?: "after" | "before"; cursor?: ApiKeyCursor },
  ): Promise<ApiKeyPage> {
    const { cursor } = query;
    const backward = query.direction === "before";
    const position = cursor && sql`(${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.userId, userId),
          position &&
            (backward
              ? sql`(${apiKeys.createdAt}, ${apiKeys.id}) > ${position}`
              : sql`(${apiKeys.createdAt}, ${apiKeys.id}) < ${position}`),
        ),
      )
      .orderBy(
        ...(backward
          ? [asc(apiKeys.createdAt), asc(apiKeys.id)]
          : [desc(apiKeys.createdAt), desc(apiKeys.id)]),
      )
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map(toApiKey);
    return { keys: backward ? page.reverse() : page, hasMore: rows.length > query.limit };
  }

  async countByUser(userId: string): Promise<number> {
    if (!isUuid(userId)) return 0;
    const [row] = await this.db.select({ n: count() }).from(apiKeys).where(eq(apiKeys.userId, userId));
    return row!.n;
  }

  async revoke(userId: string, id: string, at: Date): Promise<ApiKey | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db
      .update(apiKeys)
      .set({ revokedAt: at })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .returning();
    return row ? toApiKey(row) : null;
  }

  async touch(id: string, at: Date, notBefore: Date): Promise<void> {
    // Conditional, so concurrent requests of one key write once a minute, not once each.
    await this.db
      .update(apiKeys)
      .set({ lastUsedAt: at })
      .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, notBefore))));
  }
}

function toApiKey({ secretHash: _, scopes, ...row }: ApiKeyRow): ApiKey {
  return {
    ...row,
    scopes: scopes.map((scope) => {
      if (!isApiScope(scope)) throw new Error(`stored API key scope is unknown: ${scope}`);
      return scope;
    }),
  };
}
