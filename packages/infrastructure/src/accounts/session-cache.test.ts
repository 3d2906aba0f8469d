import type { SessionRepository, UserRepository } from "@peykarband/application";
import { describe, expect, it } from "vitest";
import {
  CachingSessionRepository,
  CachingUserRepository,
  SessionCache,
  type SessionWithUser,
} from "./session-cache.ts";
import { inProcessSessionEvictionBus, type SessionEvictionBus } from "./session-eviction.bus.ts";

const family = (id: string, userId: string, revokedAt: Date | null = null): SessionWithUser => ({
  family: {
    id,
    userId,
    createdAt: new Date(0),
    expiresAt: new Date(8.64e15),
    revokedAt,
    secondFactorAt: null,
  },
  user: null,
});

/** A session store whose reads are counted and whose writes change what later reads return. */
function fakeStore() {
  const rows = new Map<string, SessionWithUser>([
    ["s1", family("s1", "u1")],
    ["s2", family("s2", "u1")],
    ["s3", family("s3", "u2")],
  ]);
  const counter = { reads: 0 };
  const revoke = (id: string) => rows.set(id, family(id, rows.get(id)!.family.userId, new Date(1)));
  const sessions = {
    findFamilyWithUser: async (id: string) => {
      counter.reads++;
      return rows.get(id) ?? null;
    },
    revokeFamily: async (id: string) => void revoke(id),
    revokeAllForUser: async (userId: string) => {
      for (const [id, row] of rows) if (row.family.userId === userId) revoke(id);
    },
  } as unknown as SessionRepository;
  const users = { updateRole: async () => {} } as unknown as UserRepository;
  return { rows, counter, sessions, users };
}

/** A bus that only records what this process publishes. */
function recordingBus() {
  const published: unknown[] = [];
  const bus: SessionEvictionBus = {
    publish: async (eviction) => void published.push(eviction),
    listen: () => undefined,
    close: async () => undefined,
  };
  return { bus, published };
}

function setup(ttlMs = 5_000) {
  let now = 0;
  const cache = new SessionCache({ ttlMs, now: () => now });
  const store = fakeStore();
  const { bus, published } = recordingBus();
  return {
    ...store,
    cache,
    published,
    sessions: new CachingSessionRepository(store.sessions, cache, bus),
    users: new CachingUserRepository(store.users, cache, bus),
    advance: (ms: number) => (now += ms),
  };
}

describe("SessionCache", () => {
  it("serves repeated reads from memory until the TTL passes", async () => {
    const { sessions, counter, advance } = setup();
    await sessions.findFamilyWithUser("s1");
    await sessions.findFamilyWithUser("s1");
    expect(counter.reads).toBe(1);
    advance(5_001);
    await sessions.findFamilyWithUser("s1");
    expect(counter.reads).toBe(2);
  });

  it("shares one read among concurrent callers and does not cache misses", async () => {
    const { sessions, counter } = setup();
    await Promise.all([1, 2, 3].map(() => sessions.findFamilyWithUser("s1")));
    expect(counter.reads).toBe(1);
    await sessions.findFamilyWithUser("missing");
    await sessions.findFamilyWithUser("missing");
    expect(counter.reads).toBe(3);
  });

  it("sees a revocation through this process at once", async () => {
    const { sessions } = setup();
    await sessions.findFamilyWithUser("s1");
    await sessions.revokeFamily("s1", new Date(1));
    expect((await sessions.findFamilyWithUser("s1"))?.family.revokedAt).not.toBeNull();
  });

  it("evicts every session of a user on revokeAllForUser and on a change to the user", async () => {
    const { sessions, users, counter, rows } = setup();
    await sessions.findFamilyWithUser("s1");
    await sessions.findFamilyWithUser("s2");
    await sessions.findFamilyWithUser("s3");
    await sessions.revokeAllForUser("u1", new Date(1));
    expect((await sessions.findFamilyWithUser("s1"))?.family.revokedAt).not.toBeNull();
    expect((await sessions.findFamilyWithUser("s2"))?.family.revokedAt).not.toBeNull();
    await sessions.findFamilyWithUser("s3");
    expect(counter.reads).toBe(5);
    rows.set("s3", family("s3", "u2", new Date(2)));
    await users.updateRole("u2", "ADMIN");
    expect((await sessions.findFamilyWithUser("s3"))?.family.revokedAt).not.toBeNull();
  });

  it("tells the other processes what it evicted", async () => {
    const { sessions, users, published } = setup();
    await sessions.revokeFamily("s1", new Date(1));
    await sessions.revokeAllForUser("u2", new Date(1));
    await users.updateRole("u1", "CUSTOMER");
    expect(published).toEqual([{ sessionId: "s1" }, { userId: "u2" }, { userId: "u1" }]);
  });

  it("evicts what another process's revocation names, long before the TTL", async () => {
    const { sessions, cache, rows, counter } = setup(60_000);
    const bus = inProcessSessionEvictionBus();
    const elsewhere = inProcessSessionEvictionBus();
    cache.follow(bus);
    try {
      await sessions.findFamilyWithUser("s1");
      await sessions.findFamilyWithUser("s3");
      rows.set("s1", family("s1", "u1", new Date(1)));
      await elsewhere.publish({ sessionId: "s1" });
      expect((await sessions.findFamilyWithUser("s1"))?.family.revokedAt).not.toBeNull();
      rows.set("s3", family("s3", "u2", new Date(1)));
      await elsewhere.publish({ userId: "u2" });
      expect((await sessions.findFamilyWithUser("s3"))?.family.revokedAt).not.toBeNull();
      await sessions.findFamilyWithUser("s2");
      await elsewhere.publish({ everything: true });
      await sessions.findFamilyWithUser("s2");
      expect(counter.reads).toBe(6);
    } finally {
      await bus.close();
      await elsewhere.close();
    }
  });

  it("does not keep a read that was in flight across a revocation", async () => {
    const cache = new SessionCache({ ttlMs: 5_000 });
    const store = fakeStore();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      ...store.sessions,
      findFamilyWithUser: async (id: string) => {
        const row = await store.sessions.findFamilyWithUser(id); // read before the revocation...
        await gate; // ...answered after it
        return row;
      },
    } as SessionRepository;
    const sessions = new CachingSessionRepository(slow, cache, recordingBus().bus);
    const stale = sessions.findFamilyWithUser("s1");
    await sessions.revokeFamily("s1", new Date(1));
    release();
    expect((await stale)?.family.revokedAt).toBeNull();
    expect((await sessions.findFamilyWithUser("s1"))?.family.revokedAt).not.toBeNull();
  });

  it("reads through every time with a TTL of 0", async () => {
    const { sessions, counter } = setup(0);
    await sessions.findFamilyWithUser("s1");
    await sessions.findFamilyWithUser("s1");
    expect(counter.reads).toBe(2);
  });
});
