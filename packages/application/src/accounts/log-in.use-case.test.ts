import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";

const email = "sara@example.com";
const password = "correct horse battery";

async function registered(policy = {}) {
  const kit = accountTestKit(policy);
  const signUp = await kit.useCases.registerUser({ email, password }, anonymous());
  if (!signUp.ok) throw new Error(signUp.error.code);
  return { ...kit, user: signUp.value.user };
}

async function withTwoFactor() {
  const kit = await registered();
  const viewer = { userId: kit.user.id, role: kit.user.role, sessionId: "s" };
  const setup = await kit.useCases.startTwoFactorSetup({ password }, signedIn(viewer));
  if (!setup.ok) throw new Error(setup.error.code);
  const confirmed = await kit.useCases.confirmTwoFactorSetup(
    { code: kit.totp.codeFor(setup.value.secret) },
    signedIn(viewer),
  );
  if (!confirmed.ok) throw new Error(confirmed.error.code);
  kit.clock.advance(30);
  return { ...kit, viewer, secret: setup.value.secret, recoveryCodes: confirmed.value.recoveryCodes };
}

describe("logIn", () => {
  it("signs in with the right password, case-insensitively on the email", async () => {
    const kit = await registered();
    const result = await kit.useCases.logIn({ email: "SARA@Example.com", password }, anonymous());
    expect(result).toMatchObject({ ok: true, value: { user: { id: kit.user.id } } });
    expect(kit.audit.actions()).toContain("LOGIN_SUCCEEDED");
  });

  it("answers an unknown email and a wrong password alike, doing the same hashing work", async () => {
    const kit = await registered();
    const unknown = await kit.useCases.logIn({ email: "nobody@example.com", password }, anonymous());
    const wrong = await kit.useCases.logIn({ email, password: "wrong password!" }, anonymous());
    expect(unknown).toEqual(wrong);
    expect(unknown).toMatchObject({ ok: false, error: { code: "INVALID_CREDENTIALS" } });
    expect(kit.passwords.dummyChecks).toBe(1);
  });

  it("locks an account after 5 failures, even for the right password, until the window passes", async () => {
    const kit = await registered();
    for (let i = 0; i < 5; i++)
      await kit.useCases.logIn({ email, password: `wrong-${i}-password` }, anonymous());
    const blocked = await kit.useCases.logIn({ email, password }, anonymous("203.0.113.9"));
    expect(blocked).toMatchObject({ ok: false, error: { code: "TOO_MANY_ATTEMPTS" } });
    kit.clock.advance(15 * 60);
    expect((await kit.useCases.logIn({ email, password }, anonymous())).ok).toBe(true);
  });

  it("locks an IP that sprays many accounts", async () => {
    const kit = await registered({ maxAttemptsPerIp: 3 });
    for (const who of ["a", "b", "c"]) {
      await kit.useCases.logIn({ email: `${who}@example.com`, password }, anonymous("192.0.2.50"));
    }
    const result = await kit.useCases.logIn({ email, password }, anonymous("192.0.2.50"));
    expect(result).toMatchObject({ ok: false, error: { code: "TOO_MANY_ATTEMPTS" } });
  });

  it("rehashes the password when the hashing parameters changed", async () => {
    const kit = await registered();
    kit.passwords.version = "v2";
    await kit.useCases.logIn({ email, password }, anonymous());
    expect(kit.users.rows.get(kit.user.id)?.passwordHash).toBe(`v2:${password}`);
  });

  describe("with two-factor authentication on", () => {
    it("asks for a code, then accepts it once and refuses its replay", async () => {
      const kit = await withTwoFactor();
      expect(await kit.useCases.logIn({ email, password }, anonymous())).toMatchObject({
        ok: false,
        error: { code: "TWO_FACTOR_REQUIRED" },
      });
      const totpCode = kit.totp.codeFor(kit.secret);
      expect((await kit.useCases.logIn({ email, password, totpCode }, anonymous())).ok).toBe(true);
      expect(await kit.useCases.logIn({ email, password, totpCode }, anonymous())).toMatchObject({
        ok: false,
        error: { code: "INVALID_TWO_FACTOR_CODE", field: ["totpCode"] },
      });
    });

    it("accepts each recovery code once", async () => {
      const kit = await withTwoFactor();
      const recoveryCode = kit.recoveryCodes[0]!.toLowerCase();
      expect((await kit.useCases.logIn({ email, password, recoveryCode }, anonymous())).ok).toBe(true);
      expect(await kit.useCases.logIn({ email, password, recoveryCode }, anonymous())).toMatchObject({
        ok: false,
        error: { code: "INVALID_TWO_FACTOR_CODE", field: ["recoveryCode"] },
      });
      expect(kit.audit.actions()).toContain("RECOVERY_CODE_USED");
    });

    it("limits code guesses separately from passwords, so a known password cannot reset it", async () => {
      const kit = await withTwoFactor();
      for (let i = 0; i < 5; i++) {
        await kit.useCases.logIn({ email, password, totpCode: "000000" }, anonymous());
      }
      const right = kit.totp.codeFor(kit.secret);
      expect(await kit.useCases.logIn({ email, password, totpCode: right }, anonymous())).toMatchObject({
        ok: false,
        error: { code: "TOO_MANY_ATTEMPTS" },
      });
    });
  });
});
