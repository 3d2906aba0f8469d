import { afterEach, describe, expect, it } from "vitest";
import { signedIn } from "../testing/account-test-kit.ts";
import { failure } from "../testing/fake-cloud-provider.ts";
import { ORDER, serverTestKit } from "../testing/server-test-kit.ts";
import { assertKitLedgersBalanced, systemContext } from "../testing/wallet-test-kit.ts";

afterEach(assertKitLedgersBalanced);

describe("sweepOrphanServers", () => {
  it("deletes unknown, duplicate and FAILED/DELETED servers' leftovers, and leaves young creations alone", async () => {
    const kit = serverTestKit({ orphanGraceMs: 60_000 });
    const user = await kit.customer();
    const cloud = kit.clouds.HETZNER;
    const order = (key: string) =>
      kit.useCases.orderServer(
        { ...ORDER, planId: "hz-cx22", regionId: "hz-fsn1", idempotencyKey: key },
        user.ctx,
      );
    const live = await order("live");
    const young = await order("young");
    const failed = await order("failed");
    if (!live.ok || !young.ok || !failed.ok) throw new Error("order");
    const [liveJob, , failedJob] = kit.servers.takeJobs();
    await kit.runJob(liveJob!, false);
    cloud.fail("createServer", failure("REJECTED"));
    await kit.runJob(failedJob!, false);
    const liveOne = cloud.live()[0]!;
    const duplicate = cloud.plant(live.value.server.id);
    const unknown = cloud.plant("00000000-0000-7000-8000-00000000dead");
    const leftover = cloud.plant(failed.value.server.id);
    const youngOne = cloud.plant(young.value.server.id, "BUILDING");
    kit.clouds.OVH.fail("listOurs", failure("UNAVAILABLE"));

    const report = await kit.useCases.sweepOrphanServers(systemContext());
    expect(report.seen).toBe(5);
    expect(report.failed).toBe(1);
    expect(report.deleted.map((d) => d.providerServerId).sort()).toEqual(
      [duplicate.providerServerId, unknown.providerServerId, leftover.providerServerId].sort(),
    );
    expect(
      cloud
        .live()
        .map((s) => s.providerServerId)
        .sort(),
    ).toEqual([liveOne.providerServerId, youngOne.providerServerId].sort());
    expect(kit.audit.actions().filter((a) => a === "ORPHAN_SERVER_DELETED")).toHaveLength(3);

    kit.clock.advance(120);
    const later = await kit.useCases.sweepOrphanServers(systemContext());
    expect(later.deleted.map((d) => d.providerServerId)).toEqual([youngOne.providerServerId]);
  });

  it("counts deletes that fail, for the next sweep to retry", async () => {
    const kit = serverTestKit();
    const cloud = kit.clouds.DIGITALOCEAN;
    cloud.plant("00000000-0000-7000-8000-00000000beef");
    cloud.fail("deleteServer", failure("RATE_LIMITED", { retryAfterMs: 1000 }));
    expect(await kit.useCases.sweepOrphanServers(systemContext())).toMatchObject({
      seen: 1,
      failed: 1,
      deleted: [],
    });
    expect(await kit.useCases.sweepOrphanServers(systemContext())).toMatchObject({
      failed: 0,
      deleted: [{ provider: "DIGITALOCEAN" }],
    });
  });
});

describe("serverStatusChanged", () => {
  it("checks access at subscribe time", async () => {
    const kit = serverTestKit();
    const owner = await kit.customer();
    const stranger = await kit.customer();
    const order = await kit.useCases.orderServer(ORDER, owner.ctx);
    if (!order.ok) throw new Error("order");
    const id = order.value.server.id;
    expect(await kit.useCases.serverStatusChanged({ serverId: id }, stranger.ctx)).toMatchObject({
      error: { code: "SERVER_NOT_FOUND" },
    });
    expect(await kit.useCases.serverStatusChanged({ serverId: "missing" }, owner.ctx)).toMatchObject({
      error: { code: "SERVER_NOT_FOUND" },
    });
    const support = signedIn({ userId: "support", role: "SUPPORT", sessionId: "s" });
    const watched = await kit.useCases.serverStatusChanged({ serverId: id }, support);
    expect(watched).toMatchObject({ ok: true, value: { initial: [{ id }] } });
    const all = await kit.useCases.serverStatusChanged({ serverId: null }, stranger.ctx);
    expect(all).toMatchObject({ ok: true, value: { initial: [] } });
    if (watched.ok) await watched.value.changes.return?.();
    if (all.ok) await all.value.changes.return?.();
    expect(kit.bus.subscriberCount).toBe(0);
  });

  it("subscribes before reading, then yields only newer changes of the watched servers, once each", async () => {
    const kit = serverTestKit();
    const user = await kit.customer();
    const a = await kit.useCases.orderServer(ORDER, user.ctx);
    const b = await kit.useCases.orderServer({ ...ORDER, idempotencyKey: "b" }, user.ctx);
    if (!a.ok || !b.ok) throw new Error("order");
    // A change that commits between subscribing and reading must not be lost, nor sent twice.
    const realFindByIds = kit.servers.findByIds.bind(kit.servers);
    kit.servers.findByIds = async (ids) => {
      await kit.drainJobs();
      return realFindByIds(ids);
    };
    const stream = await kit.useCases.serverStatusChanged({ serverId: a.value.server.id }, user.ctx);
    if (!stream.ok) throw new Error("watch");
    expect(stream.value.initial[0]).toMatchObject({ status: "ACTIVE", version: 4 });
    // Replays of what the opening state already holds are dropped.
    for (const change of [...kit.bus.published]) await kit.bus.publish(change);
    await kit.useCases.rebootServer({ serverId: b.value.server.id }, user.ctx);
    await kit.useCases.rebootServer({ serverId: a.value.server.id }, user.ctx);
    await kit.drainJobs();
    const seen = [];
    for (let i = 0; i < 2; i++) seen.push((await stream.value.changes.next()).value);
    expect(seen.map((c) => [c?.serverId, c?.status, c?.version])).toEqual([
      [a.value.server.id, "REBOOTING", 5],
      [a.value.server.id, "ACTIVE", 6],
    ]);
    await stream.value.changes.return?.();
    expect(kit.bus.subscriberCount).toBe(0);
    expect(await stream.value.changes.next()).toMatchObject({ done: true });
  });

  it("watching all follows the viewer's live servers, new ones too, up to the cap", async () => {
    const kit = serverTestKit({ maxWatchedServers: 2 });
    const user = await kit.customer();
    await kit.useCases.orderServer(ORDER, user.ctx);
    const stream = await kit.useCases.serverStatusChanged({ serverId: null }, user.ctx);
    if (!stream.ok) throw new Error("watch");
    expect(stream.value.initial).toHaveLength(1);
    const second = await kit.useCases.orderServer({ ...ORDER, idempotencyKey: "2" }, user.ctx);
    await kit.useCases.orderServer({ ...ORDER, idempotencyKey: "3" }, user.ctx);
    const next = await stream.value.changes.next();
    expect(next.value).toMatchObject({ serverId: second.ok && second.value.server.id, status: "PENDING" });
    await kit.drainJobs();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await stream.value.changes.next()).value?.serverId);
    expect(new Set(ids).size).toBe(2);
    await stream.value.changes.return?.();
  });
});

describe("reads", () => {
  it("finds, lists and shows history only to those who may see them", async () => {
    const kit = serverTestKit();
    const owner = await kit.customer();
    const stranger = await kit.customer();
    const admin = signedIn({ userId: "admin", role: "ADMIN", sessionId: "s" });
    const order = await kit.useCases.orderServer(ORDER, owner.ctx);
    if (!order.ok) throw new Error("order");
    const id = order.value.server.id;
    await kit.drainJobs();
    expect(await kit.useCases.findServer(id, stranger.ctx)).toBeNull();
    expect(await kit.useCases.findServer(id, owner.ctx)).toMatchObject({ id, status: "ACTIVE" });
    expect(await kit.useCases.serverHistory(id, stranger.ctx)).toBeNull();
    expect((await kit.useCases.serverHistory(id, admin))?.map((c) => c.status)).toEqual([
      "PENDING",
      "PROVISIONING",
      "ACTIVE",
    ]);
    expect((await kit.useCases.servers({ page: { first: 10 } }, stranger.ctx)).servers).toHaveLength(0);
    expect((await kit.useCases.servers({ page: { first: 10 } }, admin)).servers).toHaveLength(1);
    expect(
      (await kit.useCases.servers({ page: { first: 10 }, statuses: ["OFF"] }, owner.ctx)).servers,
    ).toHaveLength(0);
    expect(await kit.useCases.plans({ regionId: "hz-fsn1" }, owner.ctx)).toHaveLength(3);
    expect(await kit.useCases.regions(owner.ctx)).toHaveLength(9);
  });
});
