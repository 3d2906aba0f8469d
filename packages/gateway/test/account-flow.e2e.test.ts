import { ViewerDocument, type ViewerQuery } from "@peykarband/sdk";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { stepUpSession } from "./support/step-up.ts";
import { query } from "./abuse/abuse-app.ts";
import { wsOnce } from "./support/graphql-client.ts";
import { createTestSdk, rejectionOf } from "./support/sdk-client.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

const email = "Leila@Example.com";
const password = "correct horse battery";

/**
 * Every document here is one partners use (schema/operations), sent through the generated SDK:
 * a schema change that breaks a client breaks this file, at type-check or at run time.
 */
describe("accounts, end to end over HTTP and WebSocket", () => {
  let t: TestApp;
  /** A signed-out client; a fresh one for every sign-in, since the SDK keeps the session it gets. */
  const anonymous = () => createTestSdk(t.app.url);
  /** A client that sends exactly this access token and never refreshes it. */
  const as = (token: string) => createTestSdk(t.app.url, { bearer: token });
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("runs sign-up, two-factor, sign-in, refresh with reuse detection and sign-out", async () => {
    const signUp = anonymous();
    const { registerUser } = await signUp.RegisterUser({
      input: { email, password, phone: "۰۹۱۲ ۱۲۳ ۴۵۶۷" },
    });
    expect(signUp.lastResponse().status).toBe(200);
    const { user, session, userErrors } = registerUser;
    expect(userErrors).toEqual([]);
    expect(user).toMatchObject({ email: "leila@example.com", role: "CUSTOMER", phone: "+989121234567" });
    expect(Buffer.from(user!.id, "base64url").toString()).toMatch(/^User:/);
    expect(signUp.lastResponse().body?.extensions?.["cost"]).toMatchObject({ limit: 5000 });
    const token = session!.accessToken;
    const leila = as(token);

    const { viewer } = await leila.Viewer();
    expect(viewer!.email).toBe("leila@example.com");
    const { node } = await leila.Node({ id: user!.id });
    expect(node).toEqual({ ...user, id: user!.id, email: "leila@example.com" });

    const { registerUser: duplicate } = await anonymous().RegisterUser(
      { input: { email, password } },
      { "accept-language": "fa-IR,fa;q=0.9,en;q=0.5" },
    );
    expect(duplicate.userErrors).toEqual([
      { field: ["input", "email"], code: "EMAIL_TAKEN", message: "حسابی با این ایمیل از پیش وجود دارد." },
    ]);

    const { startTwoFactorSetup } = await leila.StartTwoFactorSetup({ input: { password } });
    const { secret, otpauthUri } = startTwoFactorSetup;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const { confirmTwoFactorSetup } = await leila.ConfirmTwoFactorSetup({
      input: { code: await generate({ secret: secret! }) },
    });
    const recoveryCodes = confirmTwoFactorSetup.recoveryCodes!;
    expect(confirmTwoFactorSetup.user!.twoFactorEnabled).toBe(true);
    expect(recoveryCodes.length).toBeGreaterThan(0);

    const { logIn: withoutCode } = await anonymous().LogIn({ input: { email, password } });
    expect(withoutCode.session).toBeNull();
    expect(withoutCode.userErrors[0]?.code).toBe("TWO_FACTOR_REQUIRED");

    // The step used to confirm cannot be replayed: sign in with the next one (within the allowed drift).
    const nextStepCode = await generate({ secret: secret!, epoch: Math.floor(Date.now() / 1000) + 30 });
    const device = anonymous();
    const { logIn: loggedIn } = await device.LogIn({ input: { email, password, totpCode: nextStepCode } });
    expect(loggedIn.userErrors).toEqual([]);
    const first = loggedIn.session!;

    const { refreshSession: refreshed } = await device.RefreshSession({
      input: { refreshToken: first.refreshToken },
    });
    const second = refreshed.session!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // A retry within the grace would get `second` again; this replay comes after it.
    await query(
      t.database,
      `update refresh_tokens set used_at = used_at - make_interval(secs => $1::int) where used_at is not null`,
      [t.config.refreshGraceSeconds + 1],
    );

    const { refreshSession: replayed } = await device.RefreshSession({
      input: { refreshToken: first.refreshToken },
    });
    expect(replayed.userErrors[0]?.code).toBe("INVALID_REFRESH_TOKEN");
    const { refreshSession: afterReuse } = await device.RefreshSession({
      input: { refreshToken: second.refreshToken },
    });
    expect(afterReuse.userErrors[0]?.code).toBe("INVALID_REFRESH_TOKEN");
    const revokedAccess = await rejectionOf(as(second.accessToken).Viewer());
    expect(revokedAccess.response.status).toBe(401);
    expect(revokedAccess.codes[0]).toBe("UNAUTHENTICATED");

    const { disableTwoFactor } = await leila.DisableTwoFactor({
      input: { password, code: recoveryCodes[0]! },
    });
    expect(disableTwoFactor.user!.twoFactorEnabled).toBe(false);

    const { logOut } = await leila.LogOut({ input: {} });
    expect(logOut.loggedOut).toBe(true);
    const afterLogOut = await rejectionOf(leila.Viewer());
    expect(afterLogOut.codes[0]).toBe("UNAUTHENTICATED");
  });

  it("answers anonymous callers and refuses rules it cannot meet", async () => {
    const api = anonymous();
    expect(await api.Viewer()).toEqual({ viewer: null });
    expect((await api.Health()).health).toMatchObject({ sandbox: true });
    const logOut = await rejectionOf(api.LogOut({ input: {} }));
    expect(logOut.codes[0]).toBe("UNAUTHENTICATED");
    const garbage = await api.Node({ id: "not-an-id!" });
    expect(garbage).toEqual({ node: null });
    expect(api.lastResponse().body?.errors).toBeUndefined();
    const malformedToken = createTestSdk(t.app.url, { headers: { authorization: "Basic abc" } });
    expect((await rejectionOf(malformedToken.Health())).response.status).toBe(401);
  });

  it("lets only an administrator change roles and read the audit log", async () => {
    const { registerUser: customer } = await anonymous().RegisterUser({
      input: { email: "customer@example.com", password },
    });
    const customerToken = customer.session!.accessToken;
    const customerId = customer.user!.id;
    const forbidden = await rejectionOf(as(customerToken).AuditEvents({ first: 5 }));
    expect(forbidden.codes[0]).toBe("FORBIDDEN");
    expect(forbidden.response.data).toBeNull();

    const outcome = await createAdmin(t.config, { email: "root@example.com", password }, t.database);
    expect(outcome).toMatchObject({ ok: true, created: true });
    const { logIn } = await anonymous().LogIn({ input: { email: "root@example.com", password } });
    const admin = as(logIn.session!.accessToken);
    await stepUpSession(t.app.url, logIn.session!.accessToken, password);

    const { changeUserRole: changed } = await admin.ChangeUserRole({
      input: { userId: customerId, role: "RESELLER" },
    });
    expect(changed.user!.role).toBe("RESELLER");
    const { changeUserRole: unknown } = await admin.ChangeUserRole({
      input: { userId: "garbage", role: "ADMIN" },
    });
    expect(unknown.userErrors[0]).toMatchObject({ code: "USER_NOT_FOUND", field: ["input", "userId"] });

    const { auditEvents: page } = await admin.AuditEvents({ first: 2, subjectId: customerId });
    expect(admin.lastResponse().body?.errors).toBeUndefined();
    expect(page.edges[0]?.node).toMatchObject({
      action: "ROLE_CHANGED",
      subject: { email: "customer@example.com" },
    });
    const { auditEvents: next } = await admin.AuditEvents({
      first: 2,
      subjectId: customerId,
      after: page.pageInfo.endCursor,
    });
    const seen = page.edges.map((edge) => edge.cursor);
    for (const edge of next.edges) expect(seen).not.toContain(edge.cursor);
  });

  it("authenticates WebSocket connections from connection_init and refuses bad tokens", async () => {
    const signUp = anonymous();
    await signUp.RegisterUser({ input: { email: "ws@example.com", password } });
    try {
      const result = await wsOnce<ViewerQuery>(signUp.subscriptions(), ViewerDocument);
      expect(result.data?.viewer?.email).toBe("ws@example.com");
    } finally {
      await signUp.dispose();
    }

    const refused = createTestSdk(t.app.url, { session: { accessToken: "not-a-token", refreshToken: "x" } });
    try {
      await expect(wsOnce(refused.subscriptions(), ViewerDocument)).rejects.toThrow();
    } finally {
      await refused.dispose();
    }
  });
});
