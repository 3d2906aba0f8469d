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

  it("refuses an address after 5 failures on an account, even the right password, until the window passes", async () => {
    const kit = await registered();
    const attacker = anonymous("203.0.113.66");
    for (let i = 0; i < 5; i++)
      await kit.useCases.logIn({ email, password: `wrong-${i}-password` }, attacker);
    expect(await kit.useCases.logIn({ email, password }, attacker)).toMatchObject({
      ok: false,
      error: { code: "TOO_MANY_ATTEMPTS" },
    });
    kit.clock.advance(15 * 60);
    expect((await kit.useCases.logIn({ email, password }, attacker)).ok).toBe(true);
  });

  it("lets the owner in from another address while one address guesses", async () => {
    const kit = await registered();
    for (let i = 0; i < 8; i++)
      await kit.useCases.logIn({ email, password: `wrong-${i}-password` }, anonymous("203.0.113.66"));
    expect((await kit.useCases.logIn({ email, password }, anonymous("198.51.100.20"))).ok).toBe(true);
  });

  it("guards an account many addresses guess at: one attempt per address, the owner still gets in", async () => {
    const kit = await registered({ accountGuardAfterAttempts: 20 });
    const guesses = (address: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          kit.useCases.logIn({ email, password: `wrong-${address}-${i}` }, anonymous(`203.0.113.${address}`)),
        ),
      );
    // Four addresses, five guesses each: the account-wide threshold is reached, nothing refused yet.
    for (let address = 1; address <= 4; address++) {
      expect((await guesses(address, 5)).map((r) => (r.ok ? "OK" : r.error.code))).toEqual(
        Array<string>(5).fill("INVALID_CREDENTIALS"),
      );
    }
    // From now on a fresh address is evaluated once, not five times.
    expect((await guesses(5, 5)).map((r) => (r.ok ? "OK" : r.error.code))).toEqual([
      "INVALID_CREDENTIALS",
      ...Array<string>(4).fill("TOO_MANY_ATTEMPTS"),
    ]);
    expect(kit.audit.events.filter((e) => e.action === "LOGIN_THROTTLED").map((e) => e.details)).toEqual([
      { by: "account-guard" },
    ]);
    // The owner, from an address that was not guessing, signs in at the first try.
    expect((await kit.useCases.logIn({ email, password }, anonymous("198.51.100.20"))).ok).toBe(true);
    // And the guard lasts the window, then the account is back to five per address.
    kit.clock.advance(15 * 60);
    expect((await guesses(5, 5)).filter((r) => !r.ok && r.error.code === "INVALID_CREDENTIALS")).toHaveLength(
      5,
    );
  });

  it("counts only failures against an address: many right sign-ins from one address all succeed", async () => {
    const kit = await registered({ maxAttemptsPerIp: 3 });
    const shared = anonymous("192.0.2.80");
    for (let i = 0; i < 10; i++)
      expect((await kit.useCases.logIn({ email, password }, shared)).ok).toBe(true);
    // The successes did not use up the address's failures: three wrong ones are still evaluated.
    for (let i = 0; i < 3; i++) {
      expect(await kit.useCases.logIn({ email, password: `wrong-${i}-password` }, shared)).toMatchObject({
        ok: false,
        error: { code: "INVALID_CREDENTIALS" },
      });
    }
    expect(await kit.useCases.logIn({ email, password }, shared)).toMatchObject({
      ok: false,
      error: { code: "TOO_MANY_ATTEMPTS" },
    });
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
