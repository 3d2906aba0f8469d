import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";
import { requireFreshSecondFactor } from "./step-up.ts";

const password = "correct horse battery";

async function signedUp(withTwoFactor: boolean) {
  const kit = accountTestKit();
  const signUp = await kit.useCases.registerUser({ email: "root@example.com", password }, anonymous());
  if (!signUp.ok) throw new Error(signUp.error.code);
  const viewer = (await kit.useCases.authenticate(signUp.value.accessToken))!;
  const ctx = signedIn(viewer);
  let secret = "";
  if (withTwoFactor) {
    const setup = await kit.useCases.startTwoFactorSetup({ password }, ctx);
    if (!setup.ok) throw new Error(setup.error.code);
    secret = setup.value.secret;
    const confirmed = await kit.useCases.confirmTwoFactorSetup({ code: kit.totp.codeFor(secret) }, ctx);
    if (!confirmed.ok) throw new Error(confirmed.error.code);
    // The next code: the one that turned 2FA on is spent.
    kit.clock.advance(30);
  }
  const stepUp = (code?: string) => requireFreshSecondFactor(kit.deps, ctx, code);
  return { ...kit, ctx, stepUp, code: () => kit.totp.codeFor(secret) };
}

describe("step-up (a fresh second factor)", () => {
  it("is out of reach for an account without 2FA", async () => {
    const kit = await signedUp(false);
    expect(await kit.stepUp()).toMatchObject({ ok: false, error: { code: "SECOND_FACTOR_REQUIRED" } });
    expect(await kit.stepUp("123456")).toMatchObject({
      ok: false,
      error: { code: "SECOND_FACTOR_REQUIRED" },
    });
    expect(await kit.useCases.confirmSecondFactor({ code: "123456" }, kit.ctx)).toMatchObject({
      ok: false,
      error: { code: "SECOND_FACTOR_REQUIRED" },
    });
  });

  it("is fresh for five minutes after confirmSecondFactor, then stale", async () => {
    const kit = await signedUp(true);
    expect(await kit.stepUp()).toMatchObject({ ok: false, error: { code: "SECOND_FACTOR_STALE" } });
    const confirmed = await kit.useCases.confirmSecondFactor({ code: kit.code() }, kit.ctx);
    expect(confirmed).toEqual({
      ok: true,
      value: { freshUntil: new Date(kit.clock.now().getTime() + 300_000) },
    });
    expect(await kit.stepUp()).toMatchObject({ ok: true });
    kit.clock.advance(300);
    expect(await kit.stepUp()).toMatchObject({ ok: true });
    kit.clock.advance(1);
    expect(await kit.stepUp()).toMatchObject({ ok: false, error: { code: "SECOND_FACTOR_STALE" } });
  });

  it("takes a code with the mutation, once: a replayed code is refused, and the session is fresh", async () => {
    const kit = await signedUp(true);
    const code = kit.code();
    expect(await kit.stepUp(code)).toMatchObject({ ok: true });
    expect(await kit.stepUp(code)).toMatchObject({ ok: false, error: { code: "INVALID_TWO_FACTOR_CODE" } });
    expect(await kit.stepUp()).toMatchObject({ ok: true });
    expect(kit.audit.actions()).toContain("TWO_FACTOR_FAILED");
  });

  it("throttles wrong codes like sign-in's second factor", async () => {
    const kit = await signedUp(true);
    for (let i = 0; i < 5; i++) {
      expect(await kit.stepUp("000000")).toMatchObject({
        ok: false,
        error: { code: "INVALID_TWO_FACTOR_CODE" },
      });
    }
    expect(await kit.stepUp(kit.code())).toMatchObject({ ok: false, error: { code: "TOO_MANY_ATTEMPTS" } });
  });

  it("refuses an API key outright: it has no second factor", async () => {
    const kit = await signedUp(true);
    const viewer = { ...kit.ctx.viewer!, sessionId: null, apiKey: { id: "k", scopes: [] } };
    await expect(requireFreshSecondFactor(kit.deps, signedIn(viewer), kit.code())).rejects.toMatchObject({
      reason: "FORBIDDEN",
    });
  });
});
