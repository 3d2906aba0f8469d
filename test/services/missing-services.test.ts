import { describe, expect, it } from "vitest";
import { missingServiceNotices } from "./missing-services.ts";

describe("the notice about skipped PostgreSQL and Redis tests", () => {
  it("names each unset variable, what it skips and how to set it", () => {
    const [database, redis, ...more] = missingServiceNotices({});
    expect(more).toEqual([]);
    expect(database).toMatch(/^DATABASE_URL is not set: the PostgreSQL halves .* are skipped/);
    expect(database).toContain("DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm test");
    expect(redis).toMatch(/^REDIS_URL is not set: the tests of pub\/sub through Redis are skipped/);
    expect(redis).toContain("REDIS_URL=redis://127.0.0.1:6379 pnpm test");
    expect(database).toContain("bash .ci/run");
  });

  it("says nothing about a variable that is set, and treats an empty one as unset", () => {
    expect(missingServiceNotices({ DATABASE_URL: "postgres://db/pk", REDIS_URL: "redis://cache" })).toEqual(
      [],
    );
    const notices = missingServiceNotices({ DATABASE_URL: "postgres://db/pk", REDIS_URL: "" });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^REDIS_URL is not set/);
  });
});
