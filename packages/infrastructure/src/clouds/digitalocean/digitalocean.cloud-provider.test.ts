import type { CloudProvider, ProviderActionRef, ProviderActionState } from "@peykarband/application";
import type { Result } from "@peykarband/domain";
import {
  SimulatorClock,
  startDigitalOceanSimulator,
  type DigitalOceanSimulator,
} from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CloudTiming } from "../cloud.http-client.ts";
import { DigitalOceanCloudProvider } from "./digitalocean.cloud-provider.ts";

const TIMING: CloudTiming = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 1_000,
  maxRetries: 2,
  retryDelayMs: 10,
  maxRateLimitWaitMs: 2_000,
};

function value<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function failure<T, E>(result: Result<T, E>): E {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe("DigitalOceanCloudProvider against the DigitalOcean simulator", () => {
  const ACTION_MS = 200;
  let sim: DigitalOceanSimulator;
  // Held while a test looks at an action in flight, however loaded the machine.
  const clock = new SimulatorClock();
  let cloud: DigitalOceanCloudProvider;
  const spec = (serverId = randomUUID()) => ({
    serverId,
    region: "fra1",
    size: "s-1vcpu-1gb",
    image: "ubuntu-24-04-x64",
    userData: "#cloud-config\nhostname: web-1\n",
  });
  const provider = (overrides: Partial<ConstructorParameters<typeof DigitalOceanCloudProvider>[0]> = {}) =>
    new DigitalOceanCloudProvider({
      baseUrl: sim.url,
      token: sim.token,
      deployment: "test",
      timing: TIMING,
      powerOffPollMs: 20,
      powerOffWaitMs: 3_000,
      ...overrides,
    });
  const settled = async (
    action: ProviderActionRef | null,
    on: CloudProvider = cloud,
  ): Promise<ProviderActionState> => {
    for (let i = 0; i < 150; i++) {
      const state = value(await on.getAction(action!));
      if (state.status !== "RUNNING") return state;
      await sleep(20);
    }
    throw new Error("action still running");
  };
  const running = async () => {
    const created = value(await cloud.createServer(spec()));
    expect(await settled(created.action)).toEqual({ status: "DONE" });
    return created.server.providerServerId;
  };
  const onlyTheToken = (message: string) => expect(message).not.toContain(sim.token);

  beforeAll(async () => {
    sim = await startDigitalOceanSimulator({
      faults: { actionMs: ACTION_MS },
      random: () => 0,
      now: clock.now,
    });
    cloud = provider();
  });
  beforeEach(() => sim.faults.reset());
  afterAll(() => sim.close());

  it("creates a tagged droplet, finds it by our id, and sees it RUNNING with public IPs", async () => {
    const serverId = randomUUID();
    clock.hold();
    const created = value(await cloud.createServer(spec(serverId)));
    expect(created.server).toEqual({
      providerServerId: expect.stringMatching(/^\d+$/),
      serverId,
      state: "BUILDING",
      ipv4: null,
      ipv6: null,
    });
    const [droplet] = sim.droplets.withTag(`peykarband-server:${serverId}`);
    expect(droplet).toMatchObject({
      name: `pk-${serverId}`,
      tags: ["peykarband:test", `peykarband-server:${serverId}`],
    });

    expect(value(await cloud.findByServerId(serverId))).toEqual([created.server]);
    clock.release(ACTION_MS);
    expect(await settled(created.action)).toEqual({ status: "DONE" });
    const server = value(await cloud.getServer(created.server.providerServerId));
    expect(server).toMatchObject({ serverId, state: "RUNNING" });
    expect(server!.ipv4).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(server!.ipv6).toMatch(/^2001:db8:/);
    expect(value(await cloud.listOurs()).map((s) => s.serverId)).toContain(serverId);
    expect(value(await cloud.findByServerId(randomUUID()))).toEqual([]);
  });

  it("powers off and on, reboots, rebuilds, resizes (powering off first) and deletes", async () => {
    const id = await running();
    const state = async () => value(await cloud.getServer(id))?.state;

    clock.hold();
    const off = value(await cloud.powerOff(id));
    expect(await state()).toBe("BUSY");
    clock.release(ACTION_MS);
    expect(await settled(off)).toEqual({ status: "DONE" });
    expect(await state()).toBe("OFF");
    expect(await settled(value(await cloud.powerOn(id)))).toEqual({ status: "DONE" });
    expect(await state()).toBe("RUNNING");
    expect(await settled(value(await cloud.reboot(id)))).toEqual({ status: "DONE" });
    expect(await settled(value(await cloud.rebuild(id, "debian-12-x64")))).toEqual({ status: "DONE" });
    expect(sim.droplets.list().find((d) => String(d.id) === id)?.image.slug).toBe("debian-12-x64");

    expect(await settled(value(await cloud.resize(id, "s-2vcpu-4gb")))).toEqual({ status: "DONE" });
    expect(sim.droplets.list().find((d) => String(d.id) === id)).toMatchObject({
      size_slug: "s-2vcpu-4gb",
      disk: 80,
      status: "off",
    });

    const rejected = failure(await cloud.rebuild(id, "windows-11"));
    expect(rejected).toMatchObject({ kind: "REJECTED", code: "unprocessable_entity" });

    expect(value(await cloud.deleteServer(id))).toBeNull();
    expect(value(await cloud.getServer(id))).toBeNull();
    expect(value(await cloud.deleteServer(id))).toBeNull();
    expect(failure(await cloud.powerOn(id))).toMatchObject({ kind: "REJECTED", code: "not_found" });
  });

  it("follows every page in listOurs and sees only this deployment's droplets", async () => {
    const paged = provider({ deployment: "paging", perPage: 2 });
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const serverId of ids) value(await paged.createServer(spec(serverId)));
    value(await provider({ deployment: "elsewhere" }).createServer(spec()));

    const ours = value(await paged.listOurs());
    expect(ours.map((s) => s.serverId)).toEqual(ids);
    expect(ours.map((s) => Number(s.providerServerId))).toEqual(
      [...ours.map((s) => Number(s.providerServerId))].sort((a, b) => a - b),
    );
  });

  it("waits out a 429 on reads as retry-after asks, but returns it on a create without retrying", async () => {
    const id = await running();
    sim.faults.set({ rateLimitNext: 1 });
    const started = Date.now();
    expect(value(await cloud.getServer(id))).toMatchObject({ state: "RUNNING" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const serverId = randomUUID();
    sim.faults.set({ rateLimitNext: 1 });
    expect(failure(await cloud.createServer(spec(serverId)))).toMatchObject({
      kind: "RATE_LIMITED",
      code: "too_many_requests",
      retryAfterMs: 1_000,
    });
    expect(sim.droplets.withTag(`peykarband-server:${serverId}`)).toHaveLength(0);
  });

  it("reports 5xx as UNAVAILABLE with the provider's code, after retrying reads", async () => {
    const id = await running();
    sim.faults.set({ serverErrorRate: 1 });
    const read = failure(await cloud.getServer(id));
    expect(read).toMatchObject({ kind: "UNAVAILABLE", code: "server_error" });
    onlyTheToken(read.message);
    const serverId = randomUUID();
    expect(failure(await cloud.createServer(spec(serverId)))).toMatchObject({ kind: "UNAVAILABLE" });
    sim.faults.reset();
    expect(value(await cloud.findByServerId(serverId))).toEqual([]);
  });

  it("a create whose answer is lost is found by our id afterwards, once", async () => {
    const serverId = randomUUID();
    sim.faults.set({ loseCreateResponses: 1 });
    const lost = failure(await cloud.createServer(spec(serverId)));
    expect(lost.kind).toBe("UNAVAILABLE");
    const found = value(await cloud.findByServerId(serverId));
    expect(found).toHaveLength(1);
    expect(found[0]!.serverId).toBe(serverId);
    expect(["BUILDING", "RUNNING"]).toContain(found[0]!.state);
    expect(sim.droplets.withTag(`peykarband-server:${serverId}`)).toHaveLength(1);
  });

  it("a failing action ends in ERROR", async () => {
    const id = await running();
    sim.faults.set({ failNextActions: 1 });
    const state = await settled(value(await cloud.powerOff(id)));
    expect(state).toMatchObject({ status: "ERROR", message: expect.stringContaining("power_off") });
    expect(value(await cloud.getServer(id))?.state).toBe("RUNNING");

    sim.faults.set({ failNextActions: 1 });
    const created = value(await cloud.createServer(spec()));
    expect((await settled(created.action)).status).toBe("ERROR");
  });

  it("times out when the provider is too slow, and says so without credentials", async () => {
    const id = await running();
    sim.faults.set({ latencyMs: 400 });
    const slow = provider({ timing: { ...TIMING, requestTimeoutMs: 100, maxRetries: 0 } });
    const timedOut = failure(await slow.getServer(id));
    expect(timedOut.kind).toBe("TIMEOUT");
    onlyTheToken(timedOut.message);
  });

  it("a wrong token is REJECTED as unauthorized, and the token never shows in the message", async () => {
    const token = "dop_v1_0000000000000000000000000000000000000000000000000000000000000000";
    const wrong = provider({ token });
    const refused = failure(await wrong.listOurs());
    expect(refused).toMatchObject({ kind: "REJECTED", code: "unauthorized" });
    expect(refused.message).not.toContain(token);
    expect(failure(await wrong.createServer(spec())).code).toBe("unauthorized");
  });

  describe("against a provider answering nonsense", () => {
    let nonsense: Server;
    let url: string;
    beforeAll(async () => {
      nonsense = createServer((req, res) => {
        res.writeHead(req.url?.startsWith("/v2/droplets/1") ? 200 : 502, {
          "content-type": "application/json",
        });
        res.end(
          req.url?.startsWith("/v2/droplets/1") ? '{"droplet":{"id":"one"}}' : "<html>bad gateway</html>",
        );
      });
      await new Promise<void>((resolve) => nonsense.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(nonsense.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => nonsense.close(() => resolve())));

    it("an unknown shape is INVALID_RESPONSE, never success; a bare 502 is UNAVAILABLE", async () => {
      const odd = provider({ baseUrl: url });
      expect(failure(await odd.getServer("1")).kind).toBe("INVALID_RESPONSE");
      expect(failure(await odd.getServer("2"))).toMatchObject({ kind: "UNAVAILABLE", code: "502" });
    });
  });
});
