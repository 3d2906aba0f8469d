import { afterEach, describe, expect, it } from "vitest";
import { failure } from "../testing/fake-cloud-provider.ts";
import { ORDER, serverTestKit } from "../testing/server-test-kit.ts";
import { assertKitLedgersBalanced, systemContext } from "../testing/wallet-test-kit.ts";
import { ServerJobRetryError } from "./server-job-retry.ts";

afterEach(assertKitLedgersBalanced);

async function ordered(policy: Parameters<typeof serverTestKit>[0] = {}) {
  const kit = serverTestKit(policy);
  const user = await kit.customer(1_000_000n);
  const result = await kit.useCases.orderServer(ORDER, user.ctx);
  if (!result.ok) throw new Error(result.error.message);
  const job = kit.servers.takeJobs()[0]!;
  const cloud = kit.clouds.DIGITALOCEAN;
  return { kit, user, server: result.value.server, job, cloud, run: (last = false) => kit.runJob(job, last) };
}

describe("provisioning", () => {
  it("goes PENDING -> PROVISIONING -> ACTIVE with its IPs, each change stored and published", async () => {
    const { kit, server, run, cloud } = await ordered();
    expect(await run()).toEqual({ serverId: server.id, status: "ACTIVE", noop: false });
    const stored = await kit.servers.findById(server.id);
    expect(stored).toMatchObject({ status: "ACTIVE", providerServerId: cloud.live()[0]!.providerServerId });
    expect(stored!.ipv4).toMatch(/^203\.0\.113\./);
    expect(stored!.ipv6).toMatch(/^2001:db8::/);
    expect(kit.bus.published.map((c) => c.status)).toEqual(["PENDING", "PROVISIONING", "ACTIVE"]);
    expect((await kit.servers.history(server.id)).map((c) => c.status)).toEqual([
      "PENDING",
      "PROVISIONING",
      "ACTIVE",
    ]);
    expect(kit.slept.length).toBeGreaterThan(0);
    expect(await run()).toMatchObject({ status: "ACTIVE", noop: true });
    expect(cloud.calls.createServer).toBe(1);
  });

  it("adopts the server of a lost create response on retry: exactly one at the provider", async () => {
    const { kit, server, run, cloud } = await ordered();
    cloud.loseNextCreateResponse();
    await expect(run()).rejects.toBeInstanceOf(ServerJobRetryError);
    expect(cloud.live()).toHaveLength(1);
    expect(await run()).toMatchObject({ status: "ACTIVE" });
    expect(cloud.calls.createServer).toBe(1);
    expect(cloud.live()).toHaveLength(1);
    expect((await kit.servers.findById(server.id))!.providerServerId).toBe(cloud.live()[0]!.providerServerId);
  });

  it("creates nothing once its lease lapsed; the run that took the job over creates the one server", async () => {
    const { kit, server, job, cloud } = await ordered();
    const stalled = kit.useCases.runServerJob(
      { ...job.data, isLastAttempt: false, holdsLease: () => false },
      systemContext(),
    );
    await expect(stalled).rejects.toBeInstanceOf(ServerJobRetryError);
    expect(cloud.calls.createServer ?? 0).toBe(0);
    expect(await kit.runJob(job, false)).toMatchObject({ serverId: server.id, status: "ACTIVE" });
    expect(cloud.calls.createServer).toBe(1);
  });

  it("keeps the oldest of duplicates and deletes the rest", async () => {
    const { kit, server, run, cloud } = await ordered();
    const oldest = cloud.plant(server.id, "BUILDING");
    cloud.plant(server.id, "BUILDING");
    cloud.plant(server.id, "RUNNING");
    cloud.actionPolls = 0;
    // Planted servers have no create action: make the oldest come up on its own.
    oldest.state = "RUNNING";
    oldest.ipv4 = "203.0.113.9";
    expect(await run()).toMatchObject({ status: "ACTIVE" });
    expect(cloud.live().map((s) => s.providerServerId)).toEqual([oldest.providerServerId]);
    expect(cloud.calls.createServer ?? 0).toBe(0);
    expect((await kit.servers.findById(server.id))!.ipv4).toBe("203.0.113.9");
  });

  it("runs twice at once and still ends with one provider server and one ACTIVE", async () => {
    const { kit, server, run, cloud } = await ordered();
    const reports = await Promise.all([run(), run()]);
    expect(reports.map((r) => r.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(reports.filter((r) => !r.noop)).toHaveLength(1);
    await kit.useCases.sweepOrphanServers({ requestId: "sweep", ip: null, userAgent: null, viewer: null });
    expect(cloud.live()).toHaveLength(1);
    expect(cloud.live()[0]!.providerServerId).toBe((await kit.servers.findById(server.id))!.providerServerId);
  });

  it("retries transient failures, waiting as long as a 429 asks", async () => {
    const { run, cloud, kit } = await ordered();
    cloud.fail("findByServerId", failure("RATE_LIMITED", { retryAfterMs: 7_000 }));
    await expect(run()).rejects.toThrow(/RATE_LIMITED/);
    expect(kit.slept).toContain(7_000);
    cloud.fail("createServer", failure("UNAVAILABLE"));
    await expect(run()).rejects.toThrow(/UNAVAILABLE/);
    cloud.fail("getAction", failure("UNAVAILABLE"), 3);
    expect(await run()).toMatchObject({ status: "ACTIVE" });
  });

  it("FAILS with a refund at once on a refusal, and refunds exactly once however often it runs", async () => {
    const { kit, user, server, run, cloud } = await ordered();
    cloud.fail("createServer", failure("REJECTED", { message: "size unavailable" }));
    expect(await run()).toEqual({ serverId: server.id, status: "FAILED", noop: false });
    expect(await kit.balance(user.id)).toBe(1_000_000n);
    const failed = await kit.servers.findById(server.id);
    expect(failed).toMatchObject({ status: "FAILED" });
    expect(failed!.failureReason).toMatch(/size unavailable/);
    await Promise.all([run(), run(true), run()]);
    expect(await kit.balance(user.id)).toBe(1_000_000n);
    expect([...kit.ledger.transactions.keys()].filter((r) => r.endsWith(":refund"))).toHaveLength(1);
    expect(kit.bus.published.map((c) => c.status)).toEqual(["PENDING", "PROVISIONING", "FAILED"]);
    expect(kit.audit.actions()).toContain("SERVER_FAILED");
  });

  it("FAILS, refunds and deletes what it made when an action ends in error", async () => {
    const { kit, user, run, cloud } = await ordered();
    cloud.failNextAction("host failure");
    expect(await run()).toMatchObject({ status: "FAILED" });
    expect(cloud.servers).toHaveLength(1);
    expect(cloud.live().every((s) => s.state === "DELETING")).toBe(true);
    expect(cloud.calls.deleteServer).toBe(1);
    expect(await kit.balance(user.id)).toBe(1_000_000n);
  });

  it("gives up on the last attempt or past the deadline, cleaning up", async () => {
    const last = await ordered();
    last.cloud.loseNextCreateResponse();
    expect(await last.run(true)).toMatchObject({ status: "FAILED" });
    expect(last.cloud.calls.deleteServer).toBe(1);
    expect(await last.kit.balance(last.user.id)).toBe(1_000_000n);

    const late = await ordered({ provisioningDeadlineMs: 1_000 });
    late.cloud.actionPolls = 1_000;
    expect(await late.run()).toMatchObject({ status: "FAILED" });
    expect((await late.kit.servers.findById(late.server.id))!.failureReason).toMatch(/in time/);
  });

  it("FAILS with a refund in one run when the cloud hands out an id another server holds", async () => {
    const { kit, user, run, cloud } = await ordered();
    expect(await run()).toMatchObject({ status: "ACTIVE" });
    const before = await kit.balance(user.id);
    cloud.forgetEverything();
    const again = await kit.useCases.orderServer({ ...ORDER, idempotencyKey: "order-2" }, user.ctx);
    if (!again.ok) throw new Error(again.error.message);
    const second = again.value.server;
    const [job] = kit.servers.takeJobs();

    expect(await kit.runJob(job!, false)).toEqual({ serverId: second.id, status: "FAILED", noop: false });
    const failed = await kit.servers.findById(second.id);
    expect(failed).toMatchObject({ status: "FAILED", providerServerId: null });
    expect(failed!.failureReason).toMatch(/another server already has/);
    expect(await kit.balance(user.id)).toBe(before);
    // The server made for it is deleted; nothing is done to the id's first owner.
    expect(cloud.live().filter((s) => s.serverId === second.id && s.state !== "DELETING")).toEqual([]);
    expect(cloud.calls.createServer).toBe(2);
  });

  it("FAILS with a refund on the last attempt whatever stopped it, instead of staying PROVISIONING", async () => {
    const { kit, user, server, run } = await ordered();
    const change = kit.servers.change.bind(kit.servers);
    kit.servers.change = async (c) => {
      if (c.changes?.providerServerId) throw new Error("connection terminated unexpectedly");
      return change(c);
    };
    await expect(run()).rejects.toThrow(/connection terminated/);
    expect((await kit.servers.findById(server.id))!.status).toBe("PROVISIONING");
    expect(await run(true)).toEqual({ serverId: server.id, status: "FAILED", noop: false });
    expect((await kit.servers.findById(server.id))!.failureReason).toBe(
      "Provisioning stopped on an internal error.",
    );
    expect(await kit.balance(user.id)).toBe(1_000_000n);
  });

  it("does nothing for a server already past the step, or deleted before it started", async () => {
    const { kit, user, server, run, cloud } = await ordered();
    expect(await kit.useCases.deleteServer({ serverId: server.id }, user.ctx)).toMatchObject({ ok: true });
    expect(await run()).toMatchObject({ status: "DELETING", noop: true });
    await kit.drainJobs();
    expect(await kit.servers.findById(server.id)).toMatchObject({
      status: "DELETED",
      pendingOperation: null,
    });
    expect(cloud.calls.createServer ?? 0).toBe(0);
  });

  it("survives a publisher that throws", async () => {
    const { kit, run } = await ordered();
    kit.bus.failPublishing = true;
    expect(await run()).toMatchObject({ status: "ACTIVE" });
  });
});
