import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";

async function adminAndCustomer() {
  const kit = accountTestKit();
  const admin = await kit.useCases.createAdministrator(
    { email: "root@example.com", password: "a long admin password" },
    anonymous(),
  );
  const customer = await kit.useCases.registerUser(
    { email: "sara@example.com", password: "correct horse battery" },
    anonymous(),
  );
  if (!admin.ok || !customer.ok) throw new Error("setup failed");
  const adminCtx = signedIn({ userId: admin.value.user.id, role: "ADMIN", sessionId: "admin-session" });
  return { ...kit, adminCtx, adminId: admin.value.user.id, customer: customer.value };
}

/** The admin signed in for real, with 2FA on and, unless `confirm` is false, a fresh second factor. */
async function steppedUpAdmin(kit: Awaited<ReturnType<typeof adminAndCustomer>>, confirm = true) {
  const password = "a long admin password";
  const signIn = await kit.useCases.logIn({ email: "root@example.com", password }, anonymous());
  if (!signIn.ok) throw new Error(signIn.error.code);
  const ctx = signedIn((await kit.useCases.authenticate(signIn.value.accessToken))!);
  const setup = await kit.useCases.startTwoFactorSetup({ password }, ctx);
  if (!setup.ok) throw new Error(setup.error.code);
  const code = () => kit.totp.codeFor(setup.value.secret);
  const enabled = await kit.useCases.confirmTwoFactorSetup({ code: code() }, ctx);
  if (!enabled.ok) throw new Error(enabled.error.code);
  // The code that turned 2FA on is spent; the next time step's is not.
  kit.clock.advance(30);
  if (confirm && !(await kit.useCases.confirmSecondFactor({ code: code() }, ctx)).ok)
    throw new Error("step-up");
  return { ctx, code };
}

describe("changeUserRole and createAdministrator", () => {
  it("needs a fresh second factor: 2FA on, then confirmSecondFactor or a code with the call", async () => {
    const kit = await adminAndCustomer();
    const input = { userId: kit.customer.user.id, role: "SUPPORT" as const };
    expect(await kit.useCases.changeUserRole(input, kit.adminCtx)).toMatchObject({
      ok: false,
      error: { code: "SECOND_FACTOR_REQUIRED" },
    });
    const admin = await steppedUpAdmin(kit, false);
    expect(await kit.useCases.changeUserRole(input, admin.ctx)).toMatchObject({
      ok: false,
      error: { code: "SECOND_FACTOR_STALE" },
    });
    expect(await kit.useCases.changeUserRole({ ...input, totpCode: admin.code() }, admin.ctx)).toMatchObject({
      ok: true,
      value: { user: { role: "SUPPORT" } },
    });
    expect(kit.users.rows.get(kit.customer.user.id)!.role).toBe("SUPPORT");
  });

  it("lets an ADMIN change a role, ends the user's sessions and audits it", async () => {
    const kit = await adminAndCustomer();
    const admin = await steppedUpAdmin(kit);
    const result = await kit.useCases.changeUserRole(
      { userId: kit.customer.user.id, role: "SUPPORT" },
      admin.ctx,
    );
    expect(result).toMatchObject({ ok: true, value: { user: { role: "SUPPORT" } } });
    expect(await kit.useCases.authenticate(kit.customer.accessToken)).toBeNull();
    const event = kit.audit.events.find((e) => e.action === "ROLE_CHANGED" && e.actorId === kit.adminId);
    expect(event?.details).toEqual({ from: "CUSTOMER", to: "SUPPORT" });
  });

  it("takes the viewer's role from the stored user, not from the token", async () => {
    const kit = await adminAndCustomer();
    const signIn = await kit.useCases.logIn(
      { email: "root@example.com", password: "a long admin password" },
      anonymous(),
    );
    if (!signIn.ok) throw new Error("sign-in failed");
    expect((await kit.useCases.authenticate(signIn.value.accessToken))?.role).toBe("ADMIN");
    // A role stored without the sessions ending (the token still says ADMIN).
    await kit.users.updateRole(kit.adminId, "CUSTOMER");
    expect((await kit.useCases.authenticate(signIn.value.accessToken))?.role).toBe("CUSTOMER");
  });

  it("refuses other roles as a bug, an admin's own role, and unknown users as user errors", async () => {
    const kit = await adminAndCustomer();
    const { ctx: adminCtx } = await steppedUpAdmin(kit);
    const customerCtx = signedIn({ userId: kit.customer.user.id, role: "CUSTOMER", sessionId: "s" });
    await expect(
      kit.useCases.changeUserRole({ userId: kit.customer.user.id, role: "ADMIN" }, customerCtx),
    ).rejects.toMatchObject({ reason: "FORBIDDEN" });
    expect(
      await kit.useCases.changeUserRole({ userId: kit.adminId, role: "CUSTOMER" }, adminCtx),
    ).toMatchObject({
      ok: false,
      error: { code: "CANNOT_CHANGE_OWN_ROLE" },
    });
    expect(await kit.useCases.changeUserRole({ userId: "nobody", role: "CUSTOMER" }, adminCtx)).toMatchObject(
      {
        ok: false,
        error: { code: "USER_NOT_FOUND" },
      },
    );
  });

  it("promotes an existing account from the CLI without touching its password", async () => {
    const kit = await adminAndCustomer();
    const before = kit.users.rows.get(kit.customer.user.id)!.passwordHash;
    const result = await kit.useCases.createAdministrator(
      { email: "SARA@example.com", password: "ignored password" },
      anonymous(),
    );
    expect(result).toMatchObject({ ok: true, value: { created: false, user: { role: "ADMIN" } } });
    expect(kit.users.rows.get(kit.customer.user.id)!.passwordHash).toBe(before);
  });

  it("shows users only to themselves and to staff", async () => {
    const kit = await adminAndCustomer();
    const stranger = signedIn({ userId: "someone-else", role: "CUSTOMER", sessionId: "x" });
    expect(await kit.useCases.findUser(kit.customer.user.id, stranger)).toBeNull();
    expect(await kit.useCases.findUser(kit.customer.user.id, kit.adminCtx)).not.toBeNull();
    expect(await kit.useCases.usersByIds([kit.customer.user.id, kit.adminId], stranger)).toEqual([]);
  });

  it("lists audit events newest first, in pages either way, for ADMIN only", async () => {
    const kit = await adminAndCustomer();
    const page = await kit.useCases.auditEvents({ first: 1 }, kit.adminCtx);
    expect(page.events).toHaveLength(1);
    expect(page.hasMore).toBe(true);
    const next = await kit.useCases.auditEvents({ first: 100, after: page.events[0] }, kit.adminCtx);
    expect(next.events.map((e) => e.id)).not.toContain(page.events[0]!.id);
    const all = [...page.events, ...next.events].map((e) => e.id);
    const oldest = await kit.useCases.auditEvents({ last: 1 }, kit.adminCtx);
    expect(oldest.events.map((e) => e.id)).toEqual(all.slice(-1));
    expect(oldest.hasMore).toBe(all.length > 1);
    const newer = await kit.useCases.auditEvents({ last: 100, before: oldest.events[0] }, kit.adminCtx);
    expect(newer).toMatchObject({ events: expect.any(Array), hasMore: false });
    expect(await newer.countAll()).toBe(all.length);
    expect(newer.events.map((e) => e.id)).toEqual(all.slice(0, -1));
    await expect(kit.useCases.auditEvents({ first: 1 }, anonymous())).rejects.toMatchObject({
      reason: "UNAUTHENTICATED",
    });
  });
});
