import type { SshKey } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleSshKeyRepository } from "./ssh-key.repository.ts";

const aKey = (userId: string, overrides: Partial<SshKey> = {}): SshKey => ({
  id: randomUUID(),
  userId,
  name: "laptop",
  publicKey: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomUUID().replaceAll("-", "")}`,
  fingerprint: `SHA256:${randomUUID()}`,
  createdAt: new Date("2026-03-21T08:00:00.000Z"),
  ...overrides,
});

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleSshKeyRepository on ${target.name}`, () => {
    let database: Database;
    let repo: DrizzleSshKeyRepository;
    beforeAll(async () => {
      database = await target.open();
      repo = new DrizzleSshKeyRepository(database.db);
    });
    afterAll(() => database?.close());

    it("adds a key once per (user, fingerprint), and lists a user's keys oldest first", async () => {
      const user = await insertUser(database);
      const older = aKey(user.id, { createdAt: new Date("2026-03-20T00:00:00.000Z") });
      const newer = aKey(user.id);
      expect(await repo.add(newer)).toEqual({ status: "ADDED", key: newer });
      expect(await repo.add(older)).toEqual({ status: "ADDED", key: older });
      const again = aKey(user.id, { fingerprint: newer.fingerprint, name: "again" });
      expect(await repo.add(again)).toEqual({ status: "DUPLICATE", key: newer });
      const other = await insertUser(database);
      expect((await repo.add(aKey(other.id, { fingerprint: newer.fingerprint }))).status).toBe("ADDED");

      expect(await repo.listByUser(user.id)).toEqual([older, newer]);
      expect(await repo.listByUser("nope")).toEqual([]);
    });

    it("finds only the user's own keys, in the order asked", async () => {
      const user = await insertUser(database);
      const other = await insertUser(database);
      const [a, b] = [aKey(user.id), aKey(user.id)];
      const theirs = aKey(other.id);
      for (const key of [a, b, theirs]) await repo.add(key);
      expect(await repo.findByIds(user.id, [b.id, theirs.id, "nope", a.id, randomUUID()])).toEqual([b, a]);
      expect(await repo.findByIds(user.id, [])).toEqual([]);
    });

    it("deletes only the user's own key", async () => {
      const user = await insertUser(database);
      const other = await insertUser(database);
      const key = aKey(user.id);
      await repo.add(key);
      expect(await repo.delete(other.id, key.id)).toBe(false);
      expect(await repo.delete(user.id, "nope")).toBe(false);
      expect(await repo.delete(user.id, key.id)).toBe(true);
      expect(await repo.delete(user.id, key.id)).toBe(false);
      expect(await repo.listByUser(user.id)).toEqual([]);
    });
  });
}
