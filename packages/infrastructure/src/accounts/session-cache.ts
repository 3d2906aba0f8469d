import type {
  KeysetPageQuery,
  NewUser,
  RefreshTokenRecord,
  SessionFamily,
  SessionOpening,
  SessionRepository,
  UserCursor,
  UserPage,
  UserRepository,
  UserSearchFilter,
} from "@peykarband/application";
import type { Email, Role, TwoFactor, User } from "@peykarband/domain";
import type { SessionEviction, SessionEvictionBus } from "./session-eviction.bus.ts";

export interface SessionWithUser {
  readonly family: SessionFamily;
  readonly user: User | null;
}

export interface SessionCacheOptions {
  /** How long a session read may be reused in this process; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Bound on memory: past it the oldest entry goes. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/**
 * A per-process cache of `findFamilyWithUser`, the one read every authenticated request makes.
 * Entries live `ttlMs`; a write through the caching repositories evicts what it touches at once,
 * after the write, and bumps a generation so a read that was in flight across the write is not
 * stored. The write is also broadcast (session-eviction.bus.ts), and every other process evicts
 * the same way on hearing it: a revoked session is refused everywhere at once; ttlMs bounds it
 * only when a broadcast is lost. Only that read is cached: refresh, reauthentication and role
 * changes read the database.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: SessionWithUser; expires: number }>();
  private readonly inFlight = new Map<string, Promise<SessionWithUser | null>>();
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: SessionCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** The cached value, or one load shared by concurrent callers. Misses (null) are not cached. */
  read(id: string, load: () => Promise<SessionWithUser | null>): Promise<SessionWithUser | null> {
    if (this.ttlMs <= 0) return load();
    const entry = this.entries.get(id);
    if (entry && entry.expires > this.now()) return Promise.resolve(entry.value);
    const pending = this.inFlight.get(id);
    if (pending) return pending;
    const generation = this.generation;
    const loading = load().then(
      (value) => {
        if (this.inFlight.get(id) === loading) this.inFlight.delete(id);
        if (value && generation === this.generation) this.store(id, value);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(id) === loading) this.inFlight.delete(id);
        throw error;
      },
    );
    this.inFlight.set(id, loading);
    return loading;
  }

  /** Evicts what every eviction the bus carries names, from whichever process it comes. */
  follow(bus: SessionEvictionBus): void {
    bus.listen((eviction) => this.evict(eviction));
  }

  evict(eviction: SessionEviction): void {
    if ("sessionId" in eviction) this.evictSession(eviction.sessionId);
    else if ("userId" in eviction) this.evictUser(eviction.userId);
    else this.clear();
  }

  evictSession(id: string): void {
    this.invalidate();
    this.entries.delete(id);
  }

  evictUser(userId: string): void {
    this.invalidate();
    for (const [id, entry] of this.entries) if (entry.value.family.userId === userId) this.entries.delete(id);
  }

  clear(): void {
    this.invalidate();
    this.entries.clear();
  }

  private invalidate(): void {
    this.generation++;
    this.inFlight.clear();
  }

  private store(id: string, value: SessionWithUser): void {
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { value, expires: this.now() + this.ttlMs });
  }
}

/** Evicts in this process at once, then tells the others. */
async function evictEverywhere(
  cache: SessionCache,
  bus: SessionEvictionBus,
  eviction: SessionEviction,
): Promise<void> {
  cache.evict(eviction);
  await bus.publish(eviction);
}

/** Sessions through the cache: the authentication read is cached, revocations evict everywhere. */
export class CachingSessionRepository implements SessionRepository {
  constructor(
    private readonly inner: SessionRepository,
    private readonly cache: SessionCache,
    private readonly bus: SessionEvictionBus,
  ) {}

  openFamily(opening: SessionOpening): Promise<void> {
    return this.inner.openFamily(opening);
  }

  findFamily(id: string): Promise<SessionFamily | null> {
    return this.inner.findFamily(id);
  }

  findFamilyWithUser(id: string): Promise<SessionWithUser | null> {
    return this.cache.read(id, () => this.inner.findFamilyWithUser(id));
  }

  addRefreshToken(token: {
    tokenHash: string;
    familyId: string;
    userId: string;
    issuedAt: Date;
    expiresAt: Date;
  }): Promise<void> {
    return this.inner.addRefreshToken(token);
  }

  useRefreshToken(tokenHash: string, at: Date): Promise<RefreshTokenRecord | null> {
    return this.inner.useRefreshToken(tokenHash, at);
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    return this.inner.findRefreshToken(tokenHash);
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    try {
      await this.inner.revokeFamily(familyId, at);
    } finally {
      await evictEverywhere(this.cache, this.bus, { sessionId: familyId });
    }
  }

  async revokeAllForUser(userId: string, at: Date): Promise<void> {
    try {
      await this.inner.revokeAllForUser(userId, at);
    } finally {
      await evictEverywhere(this.cache, this.bus, { userId });
    }
  }
}

/** Users with every change to a user evicting, everywhere, the cached sessions that carry it. Reads are not cached. */
export class CachingUserRepository implements UserRepository {
  constructor(
    private readonly inner: UserRepository,
    private readonly cache: SessionCache,
    private readonly bus: SessionEvictionBus,
  ) {}

  create(user: NewUser): Promise<boolean> {
    return this.inner.create(user);
  }

  findById(id: string): Promise<User | null> {
    return this.inner.findById(id);
  }

  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.inner.findByIds(ids);
  }

  findByEmail(email: Email): Promise<User | null> {
    return this.inner.findByEmail(email);
  }

  search(query: UserSearchFilter & KeysetPageQuery<UserCursor>): Promise<UserPage> {
    return this.inner.search(query);
  }

  count(filter: UserSearchFilter): Promise<number> {
    return this.inner.count(filter);
  }

  /** The TOTP step is not part of the cached user: nothing to evict. */
  claimTotpStep(userId: string, step: number): Promise<boolean> {
    return this.inner.claimTotpStep(userId, step);
  }

  updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
    return this.evicting(userId, () => this.inner.updatePasswordHash(userId, passwordHash));
  }

  updateTwoFactor(userId: string, twoFactor: TwoFactor): Promise<void> {
    return this.evicting(userId, () => this.inner.updateTwoFactor(userId, twoFactor));
  }

  updateRole(userId: string, role: Role): Promise<void> {
    return this.evicting(userId, () => this.inner.updateRole(userId, role));
  }

  private async evicting(userId: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } finally {
      await evictEverywhere(this.cache, this.bus, { userId });
    }
  }
}
