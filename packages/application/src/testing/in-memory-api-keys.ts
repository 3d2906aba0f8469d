import type { ApiKey } from "@peykarband/domain";
import type { ApiKeyCursor, ApiKeyRepository } from "../ports/api-key.repository.ts";
import type { KeysetPageQuery } from "../ports/keyset-page.ts";
import { keysetPage } from "./in-memory-keyset-page.ts";
import type { InMemoryUsers } from "./in-memory-users.ts";

const newestFirst = (a: ApiKeyCursor, b: ApiKeyCursor) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export class InMemoryApiKeys implements ApiKeyRepository {
  readonly keys: (ApiKey & { secretHash: string })[] = [];

  constructor(private readonly users: InMemoryUsers) {}

  async create(key: ApiKey & { secretHash: string }) {
    this.keys.push(key);
  }

  async findForAuthentication(id: string) {
    const row = this.keys.find((k) => k.id === id);
    const user = row ? await this.users.findById(row.userId) : null;
    if (!row || !user) return null;
    const { secretHash, ...key } = row;
    return { key, secretHash, user };
  }

  async listByUser(userId: string, query: KeysetPageQuery<ApiKeyCursor>) {
    const own = this.keys.filter((k) => k.userId === userId).sort(newestFirst);
    const page = keysetPage(own, query, newestFirst);
    return { keys: page.items.map(({ secretHash: _, ...key }) => key), hasMore: page.hasMore };
  }

  async countByUser(userId: string) {
    return this.keys.filter((k) => k.userId === userId).length;
  }

  async revoke(userId: string, id: string, at: Date) {
    const index = this.keys.findIndex((k) => k.userId === userId && k.id === id && !k.revokedAt);
    if (index < 0) return null;
    const revoked = { ...this.keys[index]!, revokedAt: at };
    this.keys[index] = revoked;
    const { secretHash: _, ...key } = revoked;
    return key;
  }

  async touch(id: string, at: Date, notBefore: Date) {
    const index = this.keys.findIndex((k) => k.id === id);
    const row = this.keys[index];
    if (row && (!row.lastUsedAt || row.lastUsedAt <= notBefore))
      this.keys[index] = { ...row, lastUsedAt: at };
  }
}
