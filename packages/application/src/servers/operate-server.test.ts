import { afterEach, describe, expect, it } from "vitest";
import { signedIn } from "../testing/account-test-kit.ts";
import { failure } from "../testing/fake-cloud-provider.ts";
import { ORDER, serverTestKit } from "../testing/server-test-kit.ts";
import { assertKitLedgersBalanced, systemContext } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

async function active(policy: Parameters<typeof serverTestKit>[0] = {}) {
  const kit = serverTestKit(policy);
  const user = await kit.customer(1_000_000n);
  const result = await kit.useCases.orderServer(ORDER, user.ctx);
  if (!result.ok) throw new Error(result.error.message);
  await kit.drainJobs();
  const cloud = kit.clouds.DIGITALOCEAN;
  const id = result.value.server.id;
  return { kit, user, id, cloud, stored: () => kit.servers.findById(id) };
}

describe("server operations", () => {
  it("powers off, on, reboots, rebuilds, resizes and deletes through one job each", async () => {
    const { kit, user, id, cloud, stored } = await active();
    const off = await kit.useCases.powerOffServer({ serverId: id }, user.ctx);
    expect(off).toMatchObject({
      ok: true,
      value: { server: { status: "ACTIVE", pendingOperation: "POWER_OFF" } },
    });
    expect(kit.servers.jobs).toEqual([
      { name: "servers.operate", data: { serverId: id, operation: "POWER_OFF" } },
    ]);
    await kit.drainJobs();
    expect(await stored()).toMatchObject({ status: "OFF", pendingOperation: null });
    expect(cloud.live()[0]!.state).toBe("OFF");

    await kit.useCases.powerOnServer({ serverId: id }, user.ctx);
    await kit.drainJobs();
    expect(await stored()).toMatchObject({ status: "ACTIVE", pendingOperation: null });

    expect(await kit.useCases.rebootServer({ serverId: id }, user.ctx)).toMatchObject({
      value: { server: { status: "REBOOTING" } },
    });
    await kit.drainJobs();
    expect(await stored()).toMatchObject({ status: "ACTIVE" });

    await kit.useCases.rebuildServer({ serverId: id, imageId: "debian-12" }, user.ctx);
    await kit.drainJobs();
    expect(await stored()).toMatchObject({ status: "ACTIVE", imageId: "debian-12" });
    expect(cloud.live()[0]!.image).toBe("debian-12-x64");

    expect(
      await kit.useCases.resizeServer({ serverId: id, planId: "do-s-1vcpu-2gb" }, user.ctx),
    ).toMatchObject({
      value: { server: { status: "RESIZING" } },
    });
    await kit.drainJobs();
    expect(await stored()).toMatchObject({ status: "ACTIVE", planId: "do-s-1vcpu-2gb" });
    expect(cloud.live()[0]!.size).toBe("s-1vcpu-2gb");
    // Billing: the new plan's prices from the moment the provider confirmed, when the server became ACTIVE.
    const [ordered, resized] = kit.servers.rates.get(id)!;
    const [bigger] = await kit.catalog.plansByIds(["do-s-1vcpu-2gb"]);
    expect(ordered!.planId).toBe(ORDER.planId);
    expect(resized).toEqual({
      startsAt: kit.servers.changes.at(-1)!.occurredAt,
      planId: "do-s-1vcpu-2gb",
      hourlyRate: bigger!.hourlyPrice,
      monthlyCap: bigger!.monthlyPrice,
      ourHourlyRate: bigger!.hourlyPrice,
      ourMonthlyCap: bigger!.monthlyPrice,
    });

    await kit.useCases.deleteServer({ serverId: id }, user.ctx);
    await kit.drainJobs();
    const deleted = await stored();
    expect(deleted).toMatchObject({ status: "DELETED", pendingOperation: null });
    expect(deleted!.deletedAt).toBeInstanceOf(Date);
    expect(cloud.live()).toHaveLength(0);
    expect(kit.bus.published.map((c) => c.status)).toEqual([
      "PENDING",
      "PROVISIONING",
      "ACTIVE",
      "OFF",
      "ACTIVE",
      "REBOOTING",
      "ACTIVE",
      "REBUILDING",
      "ACTIVE",
      "RESIZING",
      "ACTIVE",
      "DELETING",
      "DELETED",
    ]);
  });

  it("answers ownership, state and busy errors with their codes", async () => {
    const { kit, user, id } = await active();
    const stranger = await kit.customer();
    const support = signedIn({ userId: "support", role: "SUPPORT", sessionId: "s" });
    const admin = signedIn({ userId: "admin", role: "ADMIN", sessionId: "s" });
    for (const ctx of [stranger.ctx, support]) {
      expect(await kit.useCases.rebootServer({ serverId: id }, ctx)).toMatchObject({
        error: { code: "SERVER_NOT_FOUND" },
      });
    }
    expect(await kit.useCases.rebootServer({ serverId: "missing" }, user.ctx)).toMatchObject({
      error: { code: "SERVER_NOT_FOUND" },
    });
    expect(await kit.useCases.powerOnServer({ serverId: id }, user.ctx)).toMatchObject({
      error: { code: "ILLEGAL_STATE" },
    });
    expect(await kit.useCases.powerOffServer({ serverId: id }, admin)).toMatchObject({ ok: true });
    for (const call of [
      () => kit.useCases.powerOffServer({ serverId: id }, user.ctx),
      () => kit.useCases.rebootServer({ serverId: id }, user.ctx),
      () => kit.useCases.deleteServer({ serverId: id }, user.ctx),
    ]) {
      expect(await call()).toMatchObject({ error: { code: "OPERATION_IN_PROGRESS" } });
    }
    await kit.drainJobs();
    await kit.useCases.deleteServer({ serverId: id }, user.ctx);
    await kit.drainJobs();
    expect(await kit.useCases.rebootServer({ serverId: id }, user.ctx)).toMatchObject({
      error: { code: "ILLEGAL_STATE" },
    });
    expect(await kit.useCases.deleteServer({ serverId: id }, user.ctx)).toMatchObject({
      error: { code: "ILLEGAL_STATE" },
    });
  });

  it("lets exactly one of concurrent reboots through", async () => {
    const { kit, user, id } = await active();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => kit.useCases.rebootServer({ serverId: id }, user.ctx)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(kit.servers.jobs).toHaveLength(1);
  });

  it("lets exactly one of concurrent power-offs through, though they keep the status", async () => {
    const { kit, user, id } = await active();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => kit.useCases.powerOffServer({ serverId: id }, user.ctx)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === "OPERATION_IN_PROGRESS")).toHaveLength(4);
    expect(kit.servers.jobs).toHaveLength(1);
  });

  it("checks rebuild and resize input", async () => {
    const { kit, user, id } = await active();
    const rebuild = (imageId: string) => kit.useCases.rebuildServer({ serverId: id, imageId }, user.ctx);
    expect(await rebuild("nope")).toMatchObject({ error: { code: "IMAGE_NOT_FOUND" } });
    kit.catalog.imageList.push({
      id: "arch",
      name: "Arch",
      distribution: "Arch",
      version: "1",
      providerImages: { OVH: "Arch" },
    });
    expect(await rebuild("arch")).toMatchObject({ error: { code: "IMAGE_UNAVAILABLE" } });
    const resize = (planId: string) => kit.useCases.resizeServer({ serverId: id, planId }, user.ctx);
    expect(await resize("nope")).toMatchObject({ error: { code: "PLAN_NOT_FOUND" } });
    expect(await resize(ORDER.planId)).toMatchObject({ error: { code: "SAME_PLAN" } });
    expect(await resize("hz-cx22")).toMatchObject({ error: { code: "PLAN_UNAVAILABLE" } });
    await kit.useCases.resizeServer({ serverId: id, planId: "do-s-2vcpu-4gb" }, user.ctx);
    await kit.drainJobs();
    expect(await resize("do-s-1vcpu-2gb")).toMatchObject({ error: { code: "DISK_CANNOT_SHRINK" } });

    const poor = await active();
    const [plan] = await poor.kit.deps.catalog.plansByIds(["do-s-2vcpu-4gb"]);
    await poor.kit.fund(
      poor.user.id,
      0n - (await poor.kit.balance(poor.user.id)) + plan!.hourlyPrice.amount - 1n,
    );
    expect(
      await poor.kit.useCases.resizeServer({ serverId: poor.id, planId: "do-s-2vcpu-4gb" }, poor.user.ctx),
    ).toMatchObject({ error: { code: "INSUFFICIENT_FUNDS" } });
  });

  it("returns the server to its real state with the reason when the provider refuses", async () => {
    const { kit, user, id, cloud, stored } = await active();
    cloud.fail("reboot", failure("REJECTED", { message: "locked" }));
    await kit.useCases.rebootServer({ serverId: id }, user.ctx);
    expect(await kit.drainJobs()).toMatchObject([{ status: "ACTIVE", noop: false }]);
    const server = await stored();
    expect(server).toMatchObject({ status: "ACTIVE", pendingOperation: null });
    expect(server!.failureReason).toMatch(/locked/);

    cloud.fail("powerOff", failure("UNAVAILABLE"));
    await kit.useCases.powerOffServer({ serverId: id }, user.ctx);
    await expect(kit.drainJobs()).rejects.toThrow(/UNAVAILABLE/);
    cloud.fail("powerOff", failure("UNAVAILABLE"));
    await kit.runJob({ name: "servers.operate", data: { serverId: id, operation: "POWER_OFF" } }, true);
    expect(await stored()).toMatchObject({ status: "ACTIVE", pendingOperation: null });

    cloud.failNextAction("disk error");
    await kit.useCases.rebuildServer({ serverId: id, imageId: "debian-12" }, user.ctx);
    await kit.drainJobs();
    expect(await stored()).toMatchObject({
      pendingOperation: null,
      imageId: "ubuntu-24.04",
      failureReason: "disk error",
    });
  });

  it("a re-run after the call went through does not call again, and a finished job is a no-op", async () => {
    const { kit, user, id, cloud } = await active();
    await kit.useCases.powerOffServer({ serverId: id }, user.ctx);
    const [job] = kit.servers.takeJobs();
    await cloud.powerOff(cloud.live()[0]!.providerServerId);
    cloud.actionPolls = 0;
    await cloud.getServer(cloud.live()[0]!.providerServerId);
    const calls = cloud.calls.powerOff;
    expect(await kit.runJob(job!, false)).toMatchObject({ status: "OFF", noop: false });
    expect(cloud.calls.powerOff).toBe(calls);
    expect(await kit.runJob(job!, false)).toMatchObject({ status: "OFF", noop: true });
  });

  it("deletes a server never created at the provider straight away, and one whose provider keeps failing", async () => {
    const kit = serverTestKit();
    const user = await kit.customer();
    const order = await kit.useCases.orderServer(ORDER, user.ctx);
    if (!order.ok) throw new Error("order");
    kit.servers.takeJobs();
    await kit.useCases.deleteServer({ serverId: order.value.server.id }, user.ctx);
    await kit.drainJobs();
    expect(await kit.servers.findById(order.value.server.id)).toMatchObject({ status: "DELETED" });

    const { kit: k2, user: u2, id, cloud, stored } = await active();
    await k2.useCases.deleteServer({ serverId: id }, u2.ctx);
    cloud.fail("deleteServer", failure("UNAVAILABLE"), 2);
    await expect(k2.drainJobs()).rejects.toThrow();
    const [job] = k2.servers.takeJobs();
    expect(job).toBeUndefined();
    await k2.runJob({ name: "servers.operate", data: { serverId: id, operation: "DELETE" } }, true);
    const server = await stored();
    expect(server).toMatchObject({ status: "DELETED" });
    expect(server!.failureReason).toMatch(/retried/);
    const swept = await k2.useCases.sweepOrphanServers(systemContext());
    expect(swept.deleted).toHaveLength(1);
  });
  it("a server suspended for debt stays SUSPENDED once powered off, and a power-on makes it ACTIVE", async () => {
    const { kit, user, id, cloud, stored } = await active();
    const operate = (operation: "POWER_OFF" | "POWER_ON") =>
      kit.servers.change({
        serverId: id,
        from: [operation === "POWER_OFF" ? "ACTIVE" : "SUSPENDED"],
        whileIdle: true,
        to: "SUSPENDED",
        changes: { pendingOperation: operation },
        at: kit.clock.now(),
        job: { name: "servers.operate", data: { serverId: id, operation } },
      });
    expect((await operate("POWER_OFF")).status).toBe("CHANGED");
    await kit.drainJobs();
    expect(await stored()).toMatchObject({ status: "SUSPENDED", pendingOperation: null });
    expect(cloud.live()[0]!.state).toBe("OFF");
    expect(await kit.useCases.powerOnServer({ serverId: id }, user.ctx)).toMatchObject({
      ok: false,
      error: { code: "ILLEGAL_STATE" },
    });

    expect((await operate("POWER_ON")).status).toBe("CHANGED");
    await kit.drainJobs();
    expect(await stored()).toMatchObject({ status: "ACTIVE", pendingOperation: null });
    expect(cloud.live()[0]!.state).toBe("RUNNING");
  });
});
