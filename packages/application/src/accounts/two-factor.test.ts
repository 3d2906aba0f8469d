import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";

const password = "correct horse battery";

async function signedUp() {
  const kit = accountTestKit();
  const signUp = await kit.useCases.registerUser({ email: "sara@example.com", password }, anonymous());
  if (!signUp.ok) throw new Error(signUp.error.code);
  const viewer = (await kit.useCases.authenticate(signUp.value.accessToken))!;
  return { ...kit, ctx: signedIn(viewer), userId: viewer.userId };
}

describe("two-factor setup", () => {
  it("needs the password, stores the secret sealed, and turns on only after a valid code", async () => {
    const kit = await signedUp();
    expect(await kit.useCases.startTwoFactorSetup({ password: "not my password" }, kit.ctx)).toMatchObject({
      ok: false,
      error: { code: "INVALID_PASSWORD", field: ["password"] },
    });
    const setup = await kit.useCases.startTwoFactorSetup({ password }, kit.ctx);
    if (!setup.ok) throw new Error(setup.error.code);
    expect(setup.value.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(kit.users.rows.get(kit.userId)?.twoFactor).toEqual({
      status: "PENDING",
      encryptedSecret: `sealed:${setup.value.secret}`,
    });

    expect(await kit.useCases.confirmTwoFactorSetup({ code: "123456" }, kit.ctx)).toMatchObject({
      ok: false,
      error: { code: "INVALID_TWO_FACTOR_CODE" },
    });
    const confirmed = await kit.useCases.confirmTwoFactorSetup(
      { code: kit.totp.codeFor(setup.value.secret) },
      kit.ctx,
    );
    if (!confirmed.ok) throw new Error(confirmed.error.code);
    expect(confirmed.value.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.value.recoveryCodes).size).toBe(10);
    expect(confirmed.value.recoveryCodes[0]).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(confirmed.value.user.twoFactor.status).toBe("ENABLED");
    // Only hashes are kept.
    const stored = [...kit.recoveryCodes.codes.get(kit.userId)!.keys()];
    expect(stored.some((hash) => confirmed.value.recoveryCodes.some((code) => hash.includes(code)))).toBe(
      false,
    );
    expect(kit.audit.actions()).toEqual(
      expect.arrayContaining(["TWO_FACTOR_SETUP_STARTED", "TWO_FACTOR_FAILED", "TWO_FACTOR_ENABLED"]),
    );
  });

  it("cannot be confirmed before it is started, nor started twice once on", async () => {
    const kit = await signedUp();
    expect(await kit.useCases.confirmTwoFactorSetup({ code: "123456" }, kit.ctx)).toMatchObject({
      ok: false,
      error: { code: "TWO_FACTOR_NOT_STARTED" },
    });
    const setup = await kit.useCases.startTwoFactorSetup({ password }, kit.ctx);
    if (!setup.ok) throw new Error(setup.error.code);
    await kit.useCases.confirmTwoFactorSetup({ code: kit.totp.codeFor(setup.value.secret) }, kit.ctx);
    expect(await kit.useCases.startTwoFactorSetup({ password }, kit.ctx)).toMatchObject({
      ok: false,
      error: { code: "TWO_FACTOR_ALREADY_ENABLED" },
    });
  });

  it("turns off with password and a code, and the code used to confirm cannot be replayed to do it", async () => {
    const kit = await signedUp();
    const setup = await kit.useCases.startTwoFactorSetup({ password }, kit.ctx);
    if (!setup.ok) throw new Error(setup.error.code);
    const code = kit.totp.codeFor(setup.value.secret);
    await kit.useCases.confirmTwoFactorSetup({ code }, kit.ctx);

    expect(await kit.useCases.disableTwoFactor({ password, code }, kit.ctx)).toMatchObject({
      ok: false,
      error: { code: "INVALID_TWO_FACTOR_CODE" },
    });
    kit.clock.advance(30);
    const disabled = await kit.useCases.disableTwoFactor(
      { password, code: kit.totp.codeFor(setup.value.secret) },
      kit.ctx,
    );
    expect(disabled).toMatchObject({ ok: true, value: { user: { twoFactor: { status: "DISABLED" } } } });
    expect(kit.recoveryCodes.codes.has(kit.userId)).toBe(false);
    expect(await kit.useCases.disableTwoFactor({ password, code: "123456" }, kit.ctx)).toMatchObject({
      ok: false,
      error: { code: "TWO_FACTOR_NOT_ENABLED" },
    });
  });

  it("refuses an anonymous caller as a bug, not as a user error", async () => {
    const kit = accountTestKit();
    await expect(kit.useCases.startTwoFactorSetup({ password }, anonymous())).rejects.toMatchObject({
      reason: "UNAUTHENTICATED",
    });
  });
});
