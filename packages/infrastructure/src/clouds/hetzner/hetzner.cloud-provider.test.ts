import type { CloudProvider, ProviderActionRef, ProviderServer } from "@peykarband/application";
import { SimulatorClock, startHetznerSimulator, type HetznerSimulator } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CloudTiming } from "../cloud.http-client.ts";
import { HetznerCloudProvider, type HetznerCloudOptions } from "./hetzner.cloud-provider.ts";
import { HETZNER_SERVER_ID_LABEL } from "./hetzner-server.read.ts";

const TIMING: CloudTiming = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
  maxRetries: 2,
  retryDelayMs: 10,
  maxRateLimitWaitMs: 3_000,
};

const ACTION_MS = 120;
let sim: HetznerSimulator;
const clock = new SimulatorClock();
let hetzner: HetznerCloudProvider;

const provider = (options: Partial<HetznerCloudOptions> = {}) =>
  new HetznerCloudProvider({
    baseUrl: sim.url,
    token: sim.token,
    deployment: "adapter-test",
    timing: TIMING,
    resizeTiming: { actionPollMs: 20, actionWaitMs: 5_000 },
    ...options,
  });

beforeAll(async () => {
  sim = await startHetznerSimulator({ faults: { actionMs: ACTION_MS }, now: clock.now });
  hetzner = provider();
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.reset());

const spec = (serverId = randomUUID()) => ({
  serverId,
  region: "fsn1",
  size: "cx22",
  image: "ubuntu-24.04",
  userData: "#cloud-config\nhostname: web-1\n",
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function settle(cloud: CloudProvider, action: ProviderActionRef | null) {
  for (;;) {
    const state = value(await cloud.getAction(action!));
    if (state.status !== "RUNNING") return state;
    await sleep(15);
  }
}

async function until(id: string, wanted: ProviderServer["state"]): Promise<ProviderServer> {
  for (;;) {
    const server = value(await hetzner.getServer(id));
    if (server?.state === wanted) return server;
    await sleep(15);
  }
}

async function runningServer(): Promise<ProviderServer> {
  const { server, action } = value(await hetzner.createServer(spec()));
  await settle(hetzner, action);
  return until(server.providerServerId, "RUNNING");
}

describe("HetznerCloudProvider against the Hetzner simulator", () => {
  it("creates a server, finds it by our id, and sees it run with its addresses", async () => {
    const serverId = randomUUID();
    // Held, the provider's clock cannot end the create before we have looked at it in progress.
    clock.hold();
    const created = value(await hetzner.createServer(spec(serverId)));
    // Hetzner gives the addresses with the server, while it is still being built.
    expect(created.server).toMatchObject({ serverId, state: "BUILDING" });
    expect(created.server.ipv4).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(sim.servers().find((s) => s.id === Number(created.server.providerServerId))).toMatchObject({
      name: `pk-${serverId}`,
      labels: { "peykarband/deployment": "adapter-test", [HETZNER_SERVER_ID_LABEL]: serverId },
      serverType: "cx22",
      location: "fsn1",
    });
    const found = value(await hetzner.findByServerId(serverId));
    expect(found.map((s) => s.providerServerId)).toEqual([created.server.providerServerId]);
    expect(value(await hetzner.findByServerId(randomUUID()))).toEqual([]);

    const progress = value(await hetzner.getAction(created.action!));
    expect(progress).toMatchObject({ status: "RUNNING" });
    clock.release(ACTION_MS);
    expect(await settle(hetzner, created.action)).toEqual({ status: "DONE" });
    const running = await until(created.server.providerServerId, "RUNNING");
    expect(running.ipv4).toBe(created.server.ipv4);
    expect(running.ipv6).toMatch(/^2001:db8:[0-9a-f:]*::1$/);
  });

  it("powers off and on, reboots, rebuilds, resizes (powering off first) and deletes", async () => {
    const { providerServerId: id } = await runningServer();
    expect(await settle(hetzner, value(await hetzner.powerOff(id)))).toEqual({ status: "DONE" });
    await until(id, "OFF");
    expect(await settle(hetzner, value(await hetzner.powerOn(id)))).toEqual({ status: "DONE" });
    await until(id, "RUNNING");
    expect(await settle(hetzner, value(await hetzner.reboot(id)))).toEqual({ status: "DONE" });
    clock.hold();
    const rebuild = value(await hetzner.rebuild(id, "debian-12"));
    expect(value(await hetzner.getServer(id))?.state).toBe("BUSY");
    clock.release(ACTION_MS);
    expect(await settle(hetzner, rebuild)).toEqual({ status: "DONE" });
    await until(id, "RUNNING");
    expect(sim.servers().find((s) => String(s.id) === id)?.image).toBe("debian-12");

    expect(await settle(hetzner, value(await hetzner.resize(id, "cx32")))).toEqual({ status: "DONE" });
    await until(id, "RUNNING");
    expect(sim.servers().find((s) => String(s.id) === id)?.serverType).toBe("cx32");

    value(await hetzner.powerOff(id));
    await until(id, "OFF");
    expect(await settle(hetzner, value(await hetzner.resize(id, "cx42")))).toEqual({ status: "DONE" });
    expect(sim.servers().find((s) => String(s.id) === id)?.serverType).toBe("cx42");

    const deleting = value(await hetzner.deleteServer(id));
    expect(deleting).not.toBeNull();
    expect(value(await hetzner.getServer(id))).toBeNull();
    expect(value(await hetzner.deleteServer(id))).toBeNull();
    expect(await settle(hetzner, deleting)).toEqual({ status: "DONE" });
  });

  it("refuses what Hetzner refuses, with its code", async () => {
    const unknown = await hetzner.createServer({ ...spec(), size: "cx999" });
    expect(unknown).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "invalid_input" } });
    const { providerServerId: id } = await runningServer();
    const busy = await hetzner.resize(id, "cx999");
    expect(busy).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "invalid_server_type" } });
  });

  it("follows pagination to the end and lists only this deployment's servers", async () => {
    const paging = provider({ deployment: "paging", perPage: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(value(await paging.createServer(spec())).server.providerServerId);
    value(await provider({ deployment: "someone-else" }).createServer(spec()));
    const ours = value(await paging.listOurs());
    expect(ours.map((s) => s.providerServerId)).toEqual(ids);
    expect(ours.every((s) => s.serverId !== null)).toBe(true);
  });

  it("waits out a 429 on reads, and hands it back on a create with the time to wait", async () => {
    const { providerServerId: id } = await runningServer();
    sim.faults.set({ rateLimitNext: 1 });
    expect(value(await hetzner.getServer(id))?.providerServerId).toBe(id);
    sim.faults.set({ rateLimitNext: 1 });
    const limited = await hetzner.createServer(spec());
    expect(limited).toMatchObject({
      ok: false,
      error: { kind: "RATE_LIMITED", code: "rate_limit_exceeded" },
    });
    const wait = !limited.ok ? limited.error.retryAfterMs : undefined;
    expect(wait).toBeGreaterThanOrEqual(900);
    expect(wait).toBeLessThanOrEqual(2_000);
  });

  it("reports 5xx as UNAVAILABLE after retrying reads, and creates nothing on a 5xx create", async () => {
    sim.faults.set({ serverErrorRate: 1 });
    expect(await hetzner.getServer("1")).toMatchObject({
      ok: false,
      error: { kind: "UNAVAILABLE", code: "server_error" },
    });
    const serverId = randomUUID();
    expect(await hetzner.createServer(spec(serverId))).toMatchObject({
      ok: false,
      error: { kind: "UNAVAILABLE" },
    });
    expect(sim.countByLabel(HETZNER_SERVER_ID_LABEL, serverId)).toBe(0);
  });

  it("after a lost create answer, finds the server instead of making a second one", async () => {
    const serverId = randomUUID();
    sim.faults.set({ loseCreateResponses: 1 });
    expect(await hetzner.createServer(spec(serverId))).toMatchObject({
      ok: false,
      error: { kind: "UNAVAILABLE" },
    });
    const found = value(await hetzner.findByServerId(serverId));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ serverId });
    const again = await hetzner.createServer(spec(serverId));
    expect(again).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "uniqueness_error" } });
    expect(sim.countByLabel(HETZNER_SERVER_ID_LABEL, serverId)).toBe(1);
  });

  it("reports a failing action as ERROR, and a failed create leaves the server in ERROR", async () => {
    sim.faults.set({ failNextActions: 1 });
    const { server, action } = value(await hetzner.createServer(spec()));
    expect(await settle(hetzner, action)).toMatchObject({
      status: "ERROR",
      message: expect.stringContaining("action_failed"),
    });
    expect(value(await hetzner.getServer(server.providerServerId))?.state).toBe("ERROR");

    const { providerServerId: id } = await runningServer();
    sim.faults.set({ failNextActions: 1 });
    expect(await settle(hetzner, value(await hetzner.reboot(id)))).toMatchObject({ status: "ERROR" });
  });

  it("times out a slow answer without retrying a create", async () => {
    sim.faults.set({ latencyMs: 400 });
    const slow = provider({ timing: { ...TIMING, requestTimeoutMs: 100, maxRetries: 0 } });
    const serverId = randomUUID();
    expect(await slow.createServer(spec(serverId))).toMatchObject({ ok: false, error: { kind: "TIMEOUT" } });
    expect(await slow.listOurs()).toMatchObject({ ok: false, error: { kind: "TIMEOUT" } });
    sim.faults.set({ latencyMs: 0 });
    // The provider acted although we heard nothing: exactly one server, once the slow answer is sent.
    while (sim.countByLabel(HETZNER_SERVER_ID_LABEL, serverId) === 0) await sleep(15);
    expect(sim.countByLabel(HETZNER_SERVER_ID_LABEL, serverId)).toBe(1);
  });

  it("never puts the token in a failure message", async () => {
    const wrongToken = `wrong-${sim.token}`;
    const stranger = provider({ token: wrongToken });
    const refused = await stranger.listOurs();
    expect(refused).toMatchObject({ ok: false, error: { kind: "REJECTED", code: "unauthorized" } });
    const closed = provider({ baseUrl: "http://127.0.0.1:1/v1", token: sim.token });
    const unreachable = await closed.createServer(spec());
    expect(unreachable).toMatchObject({ ok: false, error: { kind: "UNAVAILABLE" } });
    for (const result of [refused, unreachable]) {
      const message = !result.ok ? result.error.message : "";
      expect(message).not.toContain(sim.token);
      expect(message.startsWith("Hetzner ")).toBe(true);
    }
  });
});

describe("HetznerCloudProvider against a misbehaving endpoint", () => {
  let odd: Server;
  let oddUrl: string;
  beforeAll(async () => {
    odd = createServer((req, res) => {
      res.writeHead(req.url?.startsWith("/v1/servers?") ? 200 : 404, { "content-type": "application/json" });
      res.end(req.url?.startsWith("/v1/servers?") ? '{"servers":"nope"}' : "<html>not found</html>");
    });
    await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
    oddUrl = `http://127.0.0.1:${(odd.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => odd.close(() => resolve())));

  it("never takes an unknown shape or a foreign error page for an answer", async () => {
    const cloud = provider({ baseUrl: oddUrl });
    expect(await cloud.listOurs()).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
    expect(await cloud.getServer("42")).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
    expect(await cloud.powerOff("42")).toMatchObject({ ok: false, error: { kind: "INVALID_RESPONSE" } });
  });
});
