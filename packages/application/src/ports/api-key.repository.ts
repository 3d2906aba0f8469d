import type { ApiKey, User } from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";

export interface ApiKeyCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface ApiKeyPage {
  readonly keys: ApiKey[];
  readonly hasMore: boolean;
}

export interface ApiKeyRepository {
  create(key: ApiKey & { readonly secretHash: string }): Promise<void>;
  /** The key with its secret's hash and its owner, in one read: what authenticating a request needs. */
  findForAuthentication(id: string): Promise<{ key: ApiKey; secretHash: string; user: User } | null>;
  /** The user's keys, revoked ones included, newest first. */
  listByUser(userId: string, page: KeysetPageQuery<ApiKeyCursor>): Promise<ApiKeyPage>;
  /** How many keys `listByUser` pages through, revoked ones included. */
  countByUser(userId: string): Promise<number>;
  /** Revokes the user's own unrevoked key; null when the user has no such key (or it was revoked already). */
  revoke(userId: string, id: string, at: Date): Promise<ApiKey | null>;
  /** Sets lastUsedAt to `at` unless it is later than `notBefore` already: at most one write a minute. */
  touch(id: string, at: Date, notBefore: Date): Promise<void>;
}
