import { afterEach, describe, expect, it } from "vitest";
import { signedIn } from "../testing/account-test-kit.ts";
import { ORDER, serverTestKit } from "../testing/server-test-kit.ts";
import { assertKitLedgersBalanced } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

const ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINsQ+vtRUKR5BHC3U64LSj0xypwNP5ONqRrKGcpyIBSI";

describe("orderServer", () => {
  it("writes a PENDING server, charges the first hour, enqueues provisioning and publishes", async () => {
    const kit = serverTestKit();
    const user = await kit.customer(1_000_000n);
    const result = await kit.useCases.orderServer({ ...ORDER, name: " Web-1 " }, user.ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { server } = result.value;
    expect(server).toMatchObject({ status: "PENDING", name: "web-1", provider: "DIGITALOCEAN", version: 1 });
    const hourly = await kit.hourly(ORDER.planId);
    expect(await kit.balance(user.id)).toBe(1_000_000n - hourly.amount);
    expect(kit.servers.jobs).toEqual([
      { name: "servers.provision", data: { serverId: server.id, operation: "PROVISION" } },
    ]);
    expect(kit.bus.published).toMatchObject([
      { serverId: server.id, status: "PENDING", previousStatus: null, version: 1 },
    ]);
    expect(kit.audit.actions()).toContain("SERVER_ORDERED");
  });

  it("answers a repeated key with the first server, and a changed order with IDEMPOTENCY_KEY_REUSED", async () => {
    const kit = serverTestKit();
    const user = await kit.customer(1_000_000n);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => kit.useCases.orderServer(ORDER, user.ctx)),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.value.server.id : null)));
    expect(ids.size).toBe(1);
    expect(kit.servers.rows.size).toBe(1);
    expect(await kit.balance(user.id)).toBe(1_000_000n - (await kit.hourly(ORDER.planId)).amount);
    for (const change of [
      { name: "other" },
      { planId: "do-s-1vcpu-2gb" },
      { regionId: "do-ams3" },
      { imageId: "debian-12" },
    ]) {
      expect(await kit.useCases.orderServer({ ...ORDER, ...change }, user.ctx)).toMatchObject({
        ok: false,
        error: { code: "IDEMPOTENCY_KEY_REUSED" },
      });
    }
  });

  it("refuses bad input with its code", async () => {
    const kit = serverTestKit({ maxSshKeysPerServer: 2 });
    const user = await kit.customer();
    const other = await kit.customer();
    const otherKey = await kit.useCases.addSshKey({ name: "k", publicKey: ED25519 }, other.ctx);
    if (!otherKey.ok) throw new Error("key");
    kit.catalog.regionList.push({
      ...kit.catalog.regionList[0]!,
      id: "do-off",
      isAvailable: false,
    });
    const cases: [Partial<typeof ORDER>, string][] = [
      [{ idempotencyKey: "" }, "INVALID_IDEMPOTENCY_KEY"],
      [{ name: "-bad-" }, "INVALID_NAME"],
      [{ planId: "nope" }, "PLAN_NOT_FOUND"],
      [{ regionId: "nope" }, "REGION_NOT_FOUND"],
      [{ imageId: "nope" }, "IMAGE_NOT_FOUND"],
      [{ regionId: "hz-fsn1" }, "PLAN_UNAVAILABLE"],
      [{ regionId: "do-off" }, "PLAN_UNAVAILABLE"],
      [{ sshKeyIds: [otherKey.value.sshKey.id] }, "SSH_KEY_NOT_FOUND"],
      [{ sshKeyIds: ["a", "b", "c"] }, "TOO_MANY_SSH_KEYS"],
    ];
    for (const [change, code] of cases) {
      expect(await kit.useCases.orderServer({ ...ORDER, ...change }, user.ctx), code).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    kit.catalog.imageList.push({
      id: "arch",
      name: "Arch",
      distribution: "Arch",
      version: "1",
      providerImages: { HETZNER: "arch" },
    });
    expect(await kit.useCases.orderServer({ ...ORDER, imageId: "arch" }, user.ctx)).toMatchObject({
      error: { code: "IMAGE_UNAVAILABLE" },
    });
    const noOvh = serverTestKit();
    delete (noOvh.deps.providers as Record<string, unknown>).OVH;
    const u = await noOvh.customer();
    expect(
      await noOvh.useCases.orderServer({ ...ORDER, planId: "ovh-d2-2", regionId: "ovh-gra11" }, u.ctx),
    ).toMatchObject({ error: { code: "PLAN_UNAVAILABLE" } });
    expect(kit.servers.rows.size).toBe(0);
  });

  it("refuses an empty wallet and a reached quota, writing nothing", async () => {
    const kit = serverTestKit({ defaultQuota: 2 });
    const poor = await kit.customer(0n);
    expect(await kit.useCases.orderServer(ORDER, poor.ctx)).toMatchObject({
      error: { code: "INSUFFICIENT_FUNDS" },
    });
    const user = await kit.customer();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        kit.useCases.orderServer({ ...ORDER, idempotencyKey: `k${i}` }, user.ctx),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.error.code === "QUOTA_EXCEEDED")).toHaveLength(4);
    const admin = await kit.customer(0n, "ADMIN");
    expect(await kit.useCases.setServerQuota({ userId: user.id, limit: 3 }, admin.ctx)).toMatchObject({
      ok: true,
    });
    expect(await kit.useCases.orderServer({ ...ORDER, idempotencyKey: "k9" }, user.ctx)).toMatchObject({
      ok: true,
    });
    expect(kit.servers.rows.size).toBe(3);
  });

  it("orders with the viewer's keys and puts them in the cloud-init user data", async () => {
    const kit = serverTestKit();
    const user = await kit.customer();
    const key = await kit.useCases.addSshKey({ name: "laptop", publicKey: `${ED25519} me@host` }, user.ctx);
    if (!key.ok) throw new Error("key");
    const order = await kit.useCases.orderServer({ ...ORDER, sshKeyIds: [key.value.sshKey.id] }, user.ctx);
    expect(order.ok).toBe(true);
    await kit.drainJobs();
    const created = kit.clouds.DIGITALOCEAN.servers[0]!;
    expect(created.userData).toContain('hostname: "web-1"');
    expect(created.userData).toContain(`  - "${ED25519}"`);
    expect(created.size).toBe("s-1vcpu-1gb");
    expect(created.image).toBe("ubuntu-24-04-x64");
  });
});

describe("setServerQuota", () => {
  it("is for ADMIN only and takes 0 to 1000 or null", async () => {
    const kit = serverTestKit();
    const user = await kit.customer();
    const admin = signedIn({ userId: "admin", role: "ADMIN", sessionId: "s" });
    await expect(kit.useCases.setServerQuota({ userId: user.id, limit: 5 }, user.ctx)).rejects.toMatchObject({
      reason: "FORBIDDEN",
    });
    for (const limit of [-1, 1001, 2.5]) {
      expect(await kit.useCases.setServerQuota({ userId: user.id, limit }, admin)).toMatchObject({
        error: { code: "INVALID_QUOTA" },
      });
    }
    expect(await kit.useCases.setServerQuota({ userId: "nobody", limit: 1 }, admin)).toMatchObject({
      error: { code: "USER_NOT_FOUND" },
    });
    expect(await kit.useCases.setServerQuota({ userId: user.id, limit: null }, admin)).toMatchObject({
      ok: true,
      value: { limit: kit.deps.policy.defaultQuota },
    });
    expect(await kit.servers.quotaOverride(user.id)).toBeNull();
  });
});

describe("SSH keys", () => {
  it("adds, lists, refuses duplicates, bad keys, bad names and too many, and deletes", async () => {
    const kit = serverTestKit({ maxSshKeysPerUser: 2 });
    const user = await kit.customer();
    const other = await kit.customer();
    const added = await kit.useCases.addSshKey({ name: "laptop", publicKey: `${ED25519} me@host` }, user.ctx);
    expect(added).toMatchObject({ ok: true, value: { sshKey: { publicKey: ED25519, name: "laptop" } } });
    if (!added.ok) return;
    expect(added.value.sshKey.fingerprint).toMatch(/^SHA256:/);
    expect(await kit.useCases.addSshKey({ name: "again", publicKey: ED25519 }, user.ctx)).toMatchObject({
      error: { code: "DUPLICATE_SSH_KEY" },
    });
    expect(await kit.useCases.addSshKey({ name: "x", publicKey: "ssh-rsa nope" }, user.ctx)).toMatchObject({
      error: { code: "INVALID_PUBLIC_KEY" },
    });
    expect(await kit.useCases.addSshKey({ name: " ", publicKey: ED25519 }, user.ctx)).toMatchObject({
      error: { code: "INVALID_NAME" },
    });
    expect(
      await kit.useCases.addSshKey(
        {
          name: "ec",
          publicKey:
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBDDjThXGZqIvkqu8CPIV9wOEbpJlRg4nbUS976lb0z0hzIZlh1gMTHjFi0DmCtZNLt689ZHLiV57fntfXgAUrrI=",
        },
        user.ctx,
      ),
    ).toMatchObject({ ok: true });
    expect(await kit.useCases.addSshKey({ name: "3rd", publicKey: ED25519 }, user.ctx)).toMatchObject({
      error: { code: "TOO_MANY_SSH_KEYS" },
    });
    expect(await kit.useCases.sshKeys(user.ctx)).toHaveLength(2);
    expect(await kit.useCases.sshKeys(other.ctx)).toHaveLength(0);
    const id = added.value.sshKey.id;
    expect(await kit.useCases.deleteSshKey({ sshKeyId: id }, other.ctx)).toMatchObject({
      error: { code: "SSH_KEY_NOT_FOUND" },
    });
    expect(await kit.useCases.deleteSshKey({ sshKeyId: id }, user.ctx)).toEqual({
      ok: true,
      value: { sshKeyId: id },
    });
    expect(await kit.useCases.deleteSshKey({ sshKeyId: id }, user.ctx)).toMatchObject({
      error: { code: "SSH_KEY_NOT_FOUND" },
    });
  });
});
