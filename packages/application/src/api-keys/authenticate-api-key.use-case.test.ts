import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";

async function withKey() {
  const kit = accountTestKit();
  const signUp = await kit.useCases.registerUser(
    { email: "partner@example.com", password: "correct horse battery" },
    anonymous(),
  );
  if (!signUp.ok) throw new Error(signUp.error.code);
  const user = signUp.value.user;
  const session = signedIn({ userId: user.id, role: user.role, sessionId: "s" });
  const created = await kit.useCases.createApiKey({ name: "sync", scopes: ["billing:read"] }, session);
  if (!created.ok) throw new Error(created.error.code);
  return { ...kit, user, session, ...created.value };
}

describe("authenticateApiKey", () => {
  it("acts as the owner with only the key's scopes and no session", async () => {
    const kit = await withKey();
    expect(await kit.useCases.authenticateApiKey(kit.secret)).toMatchObject({
      viewer: {
        userId: kit.user.id,
        role: "CUSTOMER",
        sessionId: null,
        apiKey: { id: kit.apiKey.id, scopes: ["billing:read"] },
      },
    });
  });

  it("refuses a changed secret, a malformed key and a revoked key", async () => {
    const kit = await withKey();
    const last = kit.secret.at(-1) === "a" ? "b" : "a";
    expect(await kit.useCases.authenticateApiKey(`${kit.secret.slice(0, -1)}${last}`)).toBeNull();
    expect(await kit.useCases.authenticateApiKey("pkb_nothing")).toBeNull();
    await kit.useCases.revokeApiKey({ apiKeyId: kit.apiKey.id }, kit.session);
    expect(await kit.useCases.authenticateApiKey(kit.secret)).toBeNull();
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const kit = await withKey();
    const lastUsed = () => kit.apiKeys.keys[0]!.lastUsedAt?.toISOString() ?? null;
    const first = kit.clock.now().toISOString();
    await kit.useCases.authenticateApiKey(kit.secret);
    expect(lastUsed()).toBe(first);
    kit.clock.advance(59);
    await kit.useCases.authenticateApiKey(kit.secret);
    expect(lastUsed()).toBe(first);
    kit.clock.advance(1);
    await kit.useCases.authenticateApiKey(kit.secret);
    expect(lastUsed()).toBe(kit.clock.now().toISOString());
  });

  it("lets no key create another key", async () => {
    const kit = await withKey();
    const asKey = signedIn((await kit.useCases.authenticateApiKey(kit.secret))!.viewer);
    await expect(
      kit.useCases.createApiKey({ name: "more", scopes: ["servers:read"] }, asKey),
    ).rejects.toThrow("Not allowed.");
  });
});
