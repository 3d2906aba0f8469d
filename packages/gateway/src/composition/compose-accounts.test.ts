import { Email } from "@peykarband/domain";
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { composeAccountAdapters, type AccountAdapters } from "./compose-accounts.ts";

const config = {
  deploymentName: "peykarband-test",
  accessTokenTtlSeconds: 600,
  secrets: {
    jwtSigningKeys: [{ kid: "k1", secret: new Uint8Array(randomBytes(32)) }],
    secretBoxKey: randomBytes(32),
  },
};

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`composeAccountAdapters on ${target.name}`, () => {
    let database: Database;
    let adapters: AccountAdapters;
    beforeAll(async () => {
      database = await target.open();
      adapters = composeAccountAdapters(database, config);
    });
    afterAll(() => database?.close());

    it("wires adapters that work together on one database", async () => {
      const { users, passwords, accessTokens, totp, secretBox, ids, clock, random, digest, audit } = adapters;
      const email = Email.parse(`${random.code(8).toLowerCase()}@example.ir`);
      if (!email.ok) throw new Error("email");
      const id = ids.newId();
      const passwordHash = await passwords.hash("a long enough password");
      expect(
        await users.create({
          id,
          email: email.value,
          phone: null,
          role: "CUSTOMER",
          passwordHash,
          createdAt: clock.now(),
        }),
      ).toBe(true);

      const stored = await users.findByEmail(email.value);
      expect(await passwords.verify(stored!.passwordHash, "a long enough password")).toEqual({
        valid: true,
        needsRehash: false,
      });

      const secret = totp.generateSecret();
      await users.updateTwoFactor(id, { status: "ENABLED", encryptedSecret: secretBox.seal(secret) });
      const twoFactor = (await users.findById(id))!.twoFactor;
      const opened = twoFactor.status === "ENABLED" ? secretBox.open(twoFactor.encryptedSecret) : "";
      const step = await totp.matchStep(opened, await generate({ secret: opened }));
      expect(step).not.toBeNull();
      expect(await users.claimTotpStep(id, step!)).toBe(true);

      const { token } = await accessTokens.issue({ userId: id, role: "CUSTOMER", sessionId: ids.newId() });
      expect((await accessTokens.verify(token))?.userId).toBe(id);
      expect(digest.sha256(random.token(32))).toMatch(/^[0-9a-f]{64}$/);

      await audit.record({
        id: ids.newId(),
        action: "USER_REGISTERED",
        actorId: id,
        subjectId: null,
        ip: null,
        userAgent: null,
        requestId: null,
        details: {},
        occurredAt: clock.now(),
      });
      expect((await audit.list({ limit: 5, actorId: id })).events).toHaveLength(1);
    });
  });
}
