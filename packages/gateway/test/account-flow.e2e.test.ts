import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { GraphQLTestClient, wsOnce } from "./support/graphql-client.ts";
import {
  AUDIT_EVENTS,
  CHANGE_USER_ROLE,
  CONFIRM_TWO_FACTOR_SETUP,
  DISABLE_TWO_FACTOR,
  HEALTH,
  LOG_IN,
  LOG_OUT,
  NODE,
  REFRESH_SESSION,
  REGISTER_USER,
  START_TWO_FACTOR_SETUP,
  VIEWER,
} from "./support/operations.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

type Session = { accessToken: string; refreshToken: string; user: { id: string; email: string } };
type Payload = {
  session: Session | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
};

const email = "Leila@Example.com";
const password = "correct horse battery";

describe("accounts, end to end over HTTP and WebSocket", () => {
  let t: TestApp;
  let api: GraphQLTestClient;
  beforeAll(async () => {
    t = await startTestApp();
    api = new GraphQLTestClient(t.app.url);
  });
  afterAll(() => t?.close());

  it("runs sign-up, two-factor, sign-in, refresh with reuse detection and sign-out", async () => {
    const registered = await api.post<{
      registerUser: Payload & { user: { id: string; email: string; role: string } };
    }>(REGISTER_USER, { input: { email, password, phone: "۰۹۱۲ ۱۲۳ ۴۵۶۷" } });
    expect(registered.status).toBe(200);
    const { user, session, userErrors } = registered.body.data!.registerUser;
    expect(userErrors).toEqual([]);
    expect(user).toMatchObject({ email: "leila@example.com", role: "CUSTOMER", phone: "+989121234567" });
    expect(Buffer.from(user.id, "base64url").toString()).toMatch(/^User:/);
    expect(registered.body.extensions?.["cost"]).toMatchObject({ limit: 5000 });
    const token = session!.accessToken;

    const viewer = await api.post<{ viewer: { email: string } }>(VIEWER, {}, { token });
    expect(viewer.body.data!.viewer.email).toBe("leila@example.com");
    const node = await api.post<{ node: { id: string; email: string } | null }>(
      NODE,
      { id: user.id },
      { token },
    );
    expect(node.body.data!.node).toEqual({ id: user.id, email: "leila@example.com" });

    const duplicate = await api.post<{ registerUser: Payload }>(
      REGISTER_USER,
      { input: { email, password } },
      { headers: { "accept-language": "fa-IR,fa;q=0.9,en;q=0.5" } },
    );
    expect(duplicate.body.data!.registerUser.userErrors).toEqual([
      { field: ["input", "email"], code: "EMAIL_TAKEN", message: "حسابی با این ایمیل از پیش وجود دارد." },
    ]);

    const started = await api.post<{ startTwoFactorSetup: { secret: string; otpauthUri: string } }>(
      START_TWO_FACTOR_SETUP,
      { input: { password } },
      { token },
    );
    const { secret, otpauthUri } = started.body.data!.startTwoFactorSetup;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const confirmed = await api.post<{
      confirmTwoFactorSetup: { recoveryCodes: string[]; user: { twoFactorEnabled: boolean } };
    }>(CONFIRM_TWO_FACTOR_SETUP, { input: { code: await generate({ secret }) } }, { token });
    const { recoveryCodes } = confirmed.body.data!.confirmTwoFactorSetup;
    expect(confirmed.body.data!.confirmTwoFactorSetup.user.twoFactorEnabled).toBe(true);
    expect(recoveryCodes.length).toBeGreaterThan(0);

    const withoutCode = await api.post<{ logIn: Payload }>(LOG_IN, { input: { email, password } });
    expect(withoutCode.body.data!.logIn.session).toBeNull();
    expect(withoutCode.body.data!.logIn.userErrors[0]?.code).toBe("TWO_FACTOR_REQUIRED");

    // The step used to confirm cannot be replayed: sign in with the next one (within the allowed drift).
    const nextStepCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const loggedIn = await api.post<{ logIn: Payload }>(LOG_IN, {
      input: { email, password, totpCode: nextStepCode },
    });
    expect(loggedIn.body.data!.logIn.userErrors).toEqual([]);
    const first = loggedIn.body.data!.logIn.session!;

    const refreshed = await api.post<{ refreshSession: Payload }>(REFRESH_SESSION, {
      input: { refreshToken: first.refreshToken },
    });
    const second = refreshed.body.data!.refreshSession.session!;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const replayed = await api.post<{ refreshSession: Payload }>(REFRESH_SESSION, {
      input: { refreshToken: first.refreshToken },
    });
    expect(replayed.body.data!.refreshSession.userErrors[0]?.code).toBe("INVALID_REFRESH_TOKEN");
    const afterReuse = await api.post<{ refreshSession: Payload }>(REFRESH_SESSION, {
      input: { refreshToken: second.refreshToken },
    });
    expect(afterReuse.body.data!.refreshSession.userErrors[0]?.code).toBe("INVALID_REFRESH_TOKEN");
    const revokedAccess = await api.post(VIEWER, {}, { token: second.accessToken });
    expect(revokedAccess.status).toBe(401);
    expect(revokedAccess.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");

    const disabled = await api.post<{ disableTwoFactor: { user: { twoFactorEnabled: boolean } } }>(
      DISABLE_TWO_FACTOR,
      { input: { password, code: recoveryCodes[0] } },
      { token },
    );
    expect(disabled.body.data!.disableTwoFactor.user.twoFactorEnabled).toBe(false);

    const loggedOut = await api.post<{ logOut: { loggedOut: boolean } }>(LOG_OUT, { input: {} }, { token });
    expect(loggedOut.body.data!.logOut.loggedOut).toBe(true);
    const afterLogOut = await api.post(VIEWER, {}, { token });
    expect(afterLogOut.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
  });

  it("answers anonymous callers and refuses rules it cannot meet", async () => {
    const anonymous = await api.post<{ viewer: null; health: { sandbox: boolean } }>(
      `{ viewer { id } health { sandbox version } }`,
    );
    expect(anonymous.body.data).toMatchObject({ viewer: null, health: { sandbox: true } });
    const logOut = await api.post(LOG_OUT, { input: {} });
    expect(logOut.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    const garbage = await api.post(NODE, { id: "not-an-id!" });
    expect(garbage.body).toMatchObject({ data: { node: null } });
    expect(garbage.body.errors).toBeUndefined();
    const malformedToken = await api.post(HEALTH, {}, { headers: { authorization: "Basic abc" } });
    expect(malformedToken.status).toBe(401);
  });

  it("lets only an administrator change roles and read the audit log", async () => {
    const customer = await api.post<{ registerUser: Payload & { user: { id: string } } }>(REGISTER_USER, {
      input: { email: "customer@example.com", password },
    });
    const customerToken = customer.body.data!.registerUser.session!.accessToken;
    const customerId = customer.body.data!.registerUser.user.id;
    const forbidden = await api.post(AUDIT_EVENTS, { first: 5 }, { token: customerToken });
    expect(forbidden.body.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect(forbidden.body.data).toBeNull();

    const outcome = await createAdmin(t.config, { email: "root@example.com", password }, t.database);
    expect(outcome).toMatchObject({ ok: true, created: true });
    const admin = await api.post<{ logIn: Payload }>(LOG_IN, {
      input: { email: "root@example.com", password },
    });
    const adminToken = admin.body.data!.logIn.session!.accessToken;

    const changed = await api.post<{ changeUserRole: { user: { role: string } } }>(
      CHANGE_USER_ROLE,
      { input: { userId: customerId, role: "RESELLER" } },
      { token: adminToken },
    );
    expect(changed.body.data!.changeUserRole.user.role).toBe("RESELLER");
    const unknown = await api.post<{ changeUserRole: Payload }>(
      CHANGE_USER_ROLE,
      { input: { userId: "garbage", role: "ADMIN" } },
      { token: adminToken },
    );
    expect(unknown.body.data!.changeUserRole.userErrors[0]).toMatchObject({
      code: "USER_NOT_FOUND",
      field: ["input", "userId"],
    });

    type Audit = {
      auditEvents: {
        edges: { cursor: string; node: { action: string; subject: { email: string } | null } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const page = await api.post<Audit>(
      AUDIT_EVENTS,
      { first: 2, subjectId: customerId },
      { token: adminToken },
    );
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data!.auditEvents.edges[0]?.node).toMatchObject({
      action: "ROLE_CHANGED",
      subject: { email: "customer@example.com" },
    });
    const next = await api.post<Audit>(
      AUDIT_EVENTS,
      { first: 2, subjectId: customerId, after: page.body.data!.auditEvents.pageInfo.endCursor },
      { token: adminToken },
    );
    const seen = page.body.data!.auditEvents.edges.map((edge) => edge.cursor);
    for (const edge of next.body.data!.auditEvents.edges) expect(seen).not.toContain(edge.cursor);
  });

  it("authenticates WebSocket connections from connection_init and refuses bad tokens", async () => {
    const registered = await api.post<{ registerUser: Payload }>(REGISTER_USER, {
      input: { email: "ws@example.com", password },
    });
    const token = registered.body.data!.registerUser.session!.accessToken;
    const client = api.ws(token);
    try {
      const result = await wsOnce<{ viewer: { email: string } }>(client, VIEWER);
      expect(result.data?.viewer.email).toBe("ws@example.com");
    } finally {
      await client.dispose();
    }

    const refused = api.ws("not-a-token");
    try {
      await expect(wsOnce(refused, VIEWER)).rejects.toThrow();
    } finally {
      await refused.dispose();
    }
  });
});
