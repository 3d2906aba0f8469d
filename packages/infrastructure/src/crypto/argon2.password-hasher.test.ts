import argon2 from "argon2";
import { describe, expect, it } from "vitest";
import { Argon2PasswordHasher } from "./argon2.password-hasher.ts";

describe("Argon2PasswordHasher", () => {
  const hasher = new Argon2PasswordHasher();

  it("hashes with argon2id and the OWASP parameters", async () => {
    const hash = await hasher.hash("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hasher.hash("correct horse battery");
    expect(await hasher.verify(hash, "correct horse battery")).toEqual({ valid: true, needsRehash: false });
    expect(await hasher.verify(hash, "correct horse battery!")).toEqual({ valid: false, needsRehash: false });
  });

  it("asks for a rehash when the stored hash used other parameters", async () => {
    const weak = await argon2.hash("correct horse battery", {
      type: argon2.argon2id,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    expect(await hasher.verify(weak, "correct horse battery")).toEqual({ valid: true, needsRehash: true });
  });

  it("spends a real verification on the dummy hash", async () => {
    await expect(hasher.verifyAgainstDummy("anything at all")).resolves.toBeUndefined();
  });
});
