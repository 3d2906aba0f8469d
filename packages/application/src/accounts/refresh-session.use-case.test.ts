import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";

async function session() {
  const kit = accountTestKit();
  const signUp = await kit.useCases.registerUser(
    { email: "sara@example.com", password: "correct horse battery" },
    anonymous(),
  );
  if (!signUp.ok) throw new Error(signUp.error.code);
  return { ...kit, grant: signUp.value };
}

describe("refreshSession", () => {
  it("rotates: the new refresh token works, the old one no longer does", async () => {
    const kit = await session();
    const next = await kit.useCases.refreshSession({ refreshToken: kit.grant.refreshToken }, anonymous());
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.value.refreshToken).not.toBe(kit.grant.refreshToken);
    expect(
      (await kit.useCases.refreshSession({ refreshToken: next.value.refreshToken }, anonymous())).ok,
    ).toBe(true);
  });

  it("revokes the whole family when a used token comes back after the grace, and audits it", async () => {
    const kit = await session();
    const stolen = kit.grant.refreshToken;
    const next = await kit.useCases.refreshSession({ refreshToken: stolen }, anonymous());
    if (!next.ok) throw new Error("refresh failed");
    kit.clock.advance(kit.deps.policy.refreshGraceSeconds + 1);
    expect(await kit.useCases.refreshSession({ refreshToken: stolen }, anonymous())).toMatchObject({
      ok: false,
      error: { code: "INVALID_REFRESH_TOKEN" },
    });
    // The legitimate holder's newer token dies with the family, and so do its access tokens.
    expect(
      (await kit.useCases.refreshSession({ refreshToken: next.value.refreshToken }, anonymous())).ok,
    ).toBe(false);
    expect(await kit.useCases.authenticate(next.value.accessToken)).toBeNull();
    expect(kit.audit.actions()).toContain("REFRESH_TOKEN_REUSED");
  });

  it("gives two concurrent refreshes with one token the same successor, and keeps the session", async () => {
    const kit = await session();
    const [first, second] = await Promise.all([
      kit.useCases.refreshSession({ refreshToken: kit.grant.refreshToken }, anonymous()),
      kit.useCases.refreshSession({ refreshToken: kit.grant.refreshToken }, anonymous()),
    ]);
    if (!first.ok || !second.ok) throw new Error("a concurrent refresh failed");
    expect(second.value.refreshToken).toBe(first.value.refreshToken);
    expect(await kit.useCases.authenticate(first.value.accessToken)).not.toBeNull();
    expect(await kit.useCases.authenticate(second.value.accessToken)).not.toBeNull();
    expect(kit.audit.actions()).not.toContain("REFRESH_TOKEN_REUSED");
    expect(
      (await kit.useCases.refreshSession({ refreshToken: first.value.refreshToken }, anonymous())).ok,
    ).toBe(true);
  });

  it("answers a retry within the grace with the same successor, and a replay after it with the end of the session", async () => {
    const kit = await session();
    const used = kit.grant.refreshToken;
    const first = await kit.useCases.refreshSession({ refreshToken: used }, anonymous());
    if (!first.ok) throw new Error("refresh failed");
    kit.clock.advance(kit.deps.policy.refreshGraceSeconds);
    expect(await kit.useCases.refreshSession({ refreshToken: used }, anonymous())).toMatchObject({
      ok: true,
      value: { refreshToken: first.value.refreshToken },
    });
    kit.clock.advance(1);
    expect(await kit.useCases.refreshSession({ refreshToken: used }, anonymous())).toMatchObject({
      ok: false,
      error: { code: "INVALID_REFRESH_TOKEN" },
    });
    expect(await kit.useCases.authenticate(first.value.accessToken)).toBeNull();
    expect(
      (await kit.useCases.refreshSession({ refreshToken: first.value.refreshToken }, anonymous())).ok,
    ).toBe(false);
    expect(kit.audit.actions()).toContain("REFRESH_TOKEN_REUSED");
  });

  it("does not revive a logged-out session within the grace", async () => {
    const kit = await session();
    const used = kit.grant.refreshToken;
    const first = await kit.useCases.refreshSession({ refreshToken: used }, anonymous());
    if (!first.ok) throw new Error("refresh failed");
    const viewer = await kit.useCases.authenticate(first.value.accessToken);
    await kit.useCases.logOut({}, signedIn(viewer!));
    expect((await kit.useCases.refreshSession({ refreshToken: used }, anonymous())).ok).toBe(false);
  });

  it("refuses unknown and expired tokens", async () => {
    const kit = await session();
    expect((await kit.useCases.refreshSession({ refreshToken: "made-up" }, anonymous())).ok).toBe(false);
    kit.clock.advance(31 * 24 * 3600);
    expect(
      (await kit.useCases.refreshSession({ refreshToken: kit.grant.refreshToken }, anonymous())).ok,
    ).toBe(false);
  });

  it("stops at the session's absolute lifetime however often it is refreshed", async () => {
    const kit = await session();
    let token = kit.grant.refreshToken;
    for (let day = 0; day < 95; day += 20) {
      kit.clock.advance(20 * 24 * 3600);
      const next = await kit.useCases.refreshSession({ refreshToken: token }, anonymous());
      if (!next.ok) {
        expect(day).toBeGreaterThanOrEqual(80);
        return;
      }
      token = next.value.refreshToken;
    }
    throw new Error("session outlived its maximum age");
  });
});

describe("logOut and authenticate", () => {
  it("ends this session only, or every session with everywhere", async () => {
    const kit = await session();
    const second = await kit.useCases.logIn(
      { email: "sara@example.com", password: "correct horse battery" },
      anonymous(),
    );
    if (!second.ok) throw new Error("login failed");
    const viewer = await kit.useCases.authenticate(kit.grant.accessToken);
    expect(viewer).not.toBeNull();

    await kit.useCases.logOut({}, signedIn(viewer!));
    expect(await kit.useCases.authenticate(kit.grant.accessToken)).toBeNull();
    expect(await kit.useCases.authenticate(second.value.accessToken)).not.toBeNull();

    const other = (await kit.useCases.authenticate(second.value.accessToken))!;
    await kit.useCases.logOut({ everywhere: true }, signedIn(other));
    expect(await kit.useCases.authenticate(second.value.accessToken)).toBeNull();
  });

  it("says NOT_SIGNED_IN to an anonymous caller", async () => {
    const kit = accountTestKit();
    expect(await kit.useCases.logOut({}, anonymous())).toMatchObject({
      ok: false,
      error: { code: "NOT_SIGNED_IN" },
    });
  });
});
