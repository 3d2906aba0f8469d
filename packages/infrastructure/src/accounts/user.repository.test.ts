import { Email, Phone } from "@peykarband/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { aNewUser, insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleUserRepository } from "./user.repository.ts";

const email = (text: string) => {
  const parsed = Email.parse(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleUserRepository on ${target.name}`, () => {
    let database: Database;
    let users: DrizzleUserRepository;
    beforeAll(async () => {
      database = await target.open();
      users = new DrizzleUserRepository(database.db);
    });
    afterAll(() => database?.close());

    it("creates a user and reads it back by id, ids and canonical email", async () => {
      const phone = Phone.parse("۰۹۱۲ ۱۲۳ ۴۵۶۷");
      if (!phone.ok) throw new Error("phone");
      const user = aNewUser({ phone: phone.value, role: "RESELLER" });
      expect(await users.create(user)).toBe(true);
      const expected = { ...user, resellerId: null, twoFactor: { status: "DISABLED" } };
      expect(await users.findById(user.id)).toEqual(expected);
      expect(await users.findByEmail(email(user.email.value.toUpperCase()))).toEqual(expected);
      expect(await users.findByIds([user.id, crypto.randomUUID()])).toEqual([expected]);
      expect(await users.findByIds([])).toEqual([]);
      expect(await users.findById(crypto.randomUUID())).toBeNull();
    });

    it("lists a reseller's customers newest first, keyset-paged both ways, and no one else's", async () => {
      const reseller = await insertUser(database, { role: "RESELLER" });
      const other = await insertUser(database, { role: "RESELLER" });
      const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 0, minute));
      const mine = [];
      for (const minute of [1, 2, 3]) {
        mine.push(await insertUser(database, { resellerId: reseller.id, createdAt: at(minute) }));
      }
      await insertUser(database, { resellerId: other.id, createdAt: at(4) });
      const ids = (page: { users: { id: string }[] }) => page.users.map((u) => u.id);
      const first = await users.search({ resellerId: reseller.id, limit: 2 });
      expect(ids(first)).toEqual([mine[2]!.id, mine[1]!.id]);
      expect(first.hasMore).toBe(true);
      expect(first.users[0]!.resellerId).toBe(reseller.id);
      const rest = await users.search({ resellerId: reseller.id, limit: 2, cursor: first.users[1]! });
      expect(ids(rest)).toEqual([mine[0]!.id]);
      expect(rest.hasMore).toBe(false);
      const back = await users.search({
        resellerId: reseller.id,
        limit: 5,
        direction: "before",
        cursor: mine[0]!,
      });
      expect(ids(back)).toEqual([mine[2]!.id, mine[1]!.id]);
    });

    it("returns false and writes nothing when the canonical email is taken", async () => {
      const first = await insertUser(database);
      const second = aNewUser({ email: first.email });
      expect(await users.create(second)).toBe(false);
      expect(await users.findById(second.id)).toBeNull();
    });

    it("updates the password hash, role and two-factor state", async () => {
      const user = await insertUser(database);
      await users.updatePasswordHash(user.id, "$argon2id$new");
      await users.updateRole(user.id, "SUPPORT");
      await users.updateTwoFactor(user.id, { status: "PENDING", encryptedSecret: "v1.a.b.c" });
      expect(await users.findById(user.id)).toMatchObject({
        passwordHash: "$argon2id$new",
        role: "SUPPORT",
        twoFactor: { status: "PENDING", encryptedSecret: "v1.a.b.c" },
      });
      await users.updateTwoFactor(user.id, { status: "ENABLED", encryptedSecret: "v1.a.b.c" });
      expect((await users.findById(user.id))?.twoFactor.status).toBe("ENABLED");
      await users.updateTwoFactor(user.id, { status: "DISABLED" });
      expect((await users.findById(user.id))?.twoFactor).toEqual({ status: "DISABLED" });
    });

    it("accepts each TOTP step once, and never an older one", async () => {
      const user = await insertUser(database);
      expect(await users.claimTotpStep(user.id, 59_000_000)).toBe(true);
      expect(await users.claimTotpStep(user.id, 59_000_000)).toBe(false);
      expect(await users.claimTotpStep(user.id, 58_999_999)).toBe(false);
      expect(await users.claimTotpStep(user.id, 59_000_001)).toBe(true);
      expect(await users.claimTotpStep(crypto.randomUUID(), 1)).toBe(false);
    });

    it("lets exactly one of 20 concurrent claims of the same step win", async () => {
      const user = await insertUser(database);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => users.claimTotpStep(user.id, 59_000_100)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
