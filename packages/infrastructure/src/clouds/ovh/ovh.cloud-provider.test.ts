import type { CloudFailure, ProviderServer, ProviderServerState } from "@peykarband/application";
import type { Result } from "@peykarband/domain";
import { ovhRegionalId, SimulatorClock, startOvhSimulator, type OvhSimulator } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CloudTiming } from "../cloud.http-client.ts";
import { OvhCloudProvider, type OvhCloudProviderOptions } from "./ovh.cloud-provider.ts";
import { ovhSignature } from "./ovh.signature.ts";

const TIMING: CloudTiming = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 1_000,
  maxRetries: 2,
  retryDelayMs: 5,
  maxRateLimitWaitMs: 2_000,
};

const ACTION_MS = 250;
const OFFICIAL_URL = "https://eu.api.ovh.com/1.0";
let sim: OvhSimulator;
// Held while a test looks at an action in flight, however loaded the machine.
const clock = new SimulatorClock();
let ovh: OvhCloudProvider;
const failures: CloudFailure[] = [];

function provider(overrides: Partial<OvhCloudProviderOptions> = {}): OvhCloudProvider {
  return new OvhCloudProvider({
    baseUrl: `${sim.url}/1.0`,
    // Signed as python-ovh signs: over the official URL the simulator stands in for.
    signedBaseUrl: OFFICIAL_URL,
    credentials: sim.credentials,
    serviceName: sim.serviceName,
    deployment: "prod",
    timing: TIMING,
    ...overrides,
  });
}

function value<T>(result: Result<T, CloudFailure>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function failure<T>(result: Result<T, CloudFailure>): CloudFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  failures.push(result.error);
  return result.error;
}

const spec = (serverId: string, region = "GRA11") => ({
  serverId,
  region,
  size: "d2-2",
  image: "Ubuntu 24.04",
  userData: "#cloud-config\nhostname: web-1\n",
});

async function until(
  id: string,
  state: ProviderServerState | null,
  seen: string[] = [],
): Promise<ProviderServer | null> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const server = value(await ovh.getServer(id));
    const now = server?.state ?? "GONE";
    if (seen.at(-1) !== now) seen.push(now);
    if ((server?.state ?? null) === state) return server;
    if (Date.now() > deadline) throw new Error(`still ${now}; saw ${seen.join(" → ")}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

beforeAll(async () => {
  // The API's clock is an hour ahead: every call below proves the adapter synced via /auth/time.
  sim = await startOvhSimulator({
    faults: { actionMs: ACTION_MS },
    clockOffsetSeconds: 3_600,
    now: clock.now,
  });
  ovh = provider();
});
afterAll(async () => {
  const secrets = Object.values(sim.credentials);
  for (const f of failures) for (const secret of secrets) expect(f.message).not.toContain(secret);
  await sim.close();
});
beforeEach(() => sim.faults.reset());

describe("OvhCloudProvider against the OVH simulator", () => {
  it("creates, finds, runs every action, and deletes", async () => {
    const serverId = randomUUID();
    const created = value(await ovh.createServer(spec(serverId)));
    expect(created.action).toBeNull();
    expect(created.server).toMatchObject({ serverId, state: "BUILDING", ipv4: null });
    expect(sim.instances.list().find((i) => i.id === created.server.providerServerId)).toMatchObject({
      name: `prod-pk-${serverId}`,
      userData: spec(serverId).userData,
    });

    const found = value(await ovh.findByServerId(serverId));
    expect(found.map((s) => s.providerServerId)).toEqual([created.server.providerServerId]);

    const id = created.server.providerServerId;
    const running = await until(id, "RUNNING");
    expect(running?.ipv4).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(running?.ipv6).toMatch(/^2001:db8:/);

    expect(value(await ovh.powerOff(id))).toBeNull();
    await until(id, "OFF");
    expect(value(await ovh.powerOn(id))).toBeNull();
    await until(id, "RUNNING");

    clock.hold();
    expect(value(await ovh.reboot(id))).toBeNull();
    expect(value(await ovh.getServer(id))?.state).toBe("BUSY");
    clock.release(ACTION_MS);
    await until(id, "RUNNING");

    clock.hold();
    expect(value(await ovh.rebuild(id, "Debian 12"))).toBeNull();
    expect(value(await ovh.getServer(id))?.state).toBe("BUSY");
    clock.release(ACTION_MS);
    await until(id, "RUNNING");

    expect(value(await ovh.resize(id, "d2-4"))).toBeNull();
    await until(id, "RUNNING");
    const instance = sim.instances.list().find((i) => i.id === id);
    expect(instance?.flavorId).toBe(ovhRegionalId("flavor", "d2-4", "GRA11"));
    expect(instance?.imageId).toBe(ovhRegionalId("image", "Debian 12", "GRA11"));

    // An action OVH refuses in this state comes back REJECTED with its class.
    expect(failure(await ovh.powerOn(id))).toMatchObject({ kind: "REJECTED", code: "Client::Conflict" });

    expect(value(await ovh.deleteServer(id))).toBeNull();
    const seen: string[] = [];
    await until(id, null, seen);
    expect(seen).toEqual(["DELETING", "GONE"]);
    expect(value(await ovh.deleteServer(id))).toBeNull();
    expect(value(await ovh.findByServerId(serverId))).toEqual([]);
  });

  it("lists only this deployment's servers, all of them, and returns duplicates oldest first", async () => {
    const ours = Array.from({ length: 30 }, () => randomUUID());
    for (const id of ours) value(await ovh.createServer(spec(id, "SBG5")));
    const staging = provider({ deployment: "staging" });
    const theirs = randomUUID();
    value(await staging.createServer(spec(theirs, "WAW1")));

    const listed = value(await ovh.listOurs());
    expect(listed.map((s) => s.serverId)).toEqual(expect.arrayContaining(ours));
    expect(listed.every((s) => s.serverId !== theirs)).toBe(true);
    expect(value(await staging.listOurs()).map((s) => s.serverId)).toEqual([theirs]);
    expect(value(await ovh.findByServerId(theirs))).toEqual([]);

    // OVH does not refuse a second instance of the same name; a lookup must show both.
    const twice = randomUUID();
    const first = value(await ovh.createServer(spec(twice))).server.providerServerId;
    await new Promise((r) => setTimeout(r, 5));
    const second = value(await ovh.createServer(spec(twice))).server.providerServerId;
    expect(value(await ovh.findByServerId(twice)).map((s) => s.providerServerId)).toEqual([first, second]);
  });

  it("waits out a 429 on reads, and never repeats a create", async () => {
    const serverId = randomUUID();
    const { server } = value(await ovh.createServer(spec(serverId)));
    sim.faults.set({ rateLimitNext: 1 });
    expect(value(await ovh.getServer(server.providerServerId))?.serverId).toBe(serverId);

    const impatient = provider({ timing: { ...TIMING, maxRetries: 0 } });
    sim.faults.set({ rateLimitNext: 2 });
    expect(failure(await impatient.listOurs())).toMatchObject({ kind: "RATE_LIMITED", retryAfterMs: 1_000 });

    const next = randomUUID();
    sim.faults.set({ rateLimitNext: 1 });
    expect(failure(await ovh.createServer(spec(next)))).toMatchObject({
      kind: "RATE_LIMITED",
      retryAfterMs: 1_000,
    });
    expect(sim.faults.current.rateLimitNext).toBe(0);
    expect(sim.instances.countByServerId(next)).toBe(0);
  });

  it("reports 5xx as UNAVAILABLE, after retrying reads only", async () => {
    const serverId = randomUUID();
    value(await ovh.createServer(spec(serverId)));
    sim.faults.set({ serverErrorRate: 1 });
    expect(failure(await ovh.findByServerId(serverId))).toMatchObject({
      kind: "UNAVAILABLE",
      code: "Server::InternalServerError",
    });
    const next = randomUUID();
    expect(failure(await ovh.createServer(spec(next)))).toMatchObject({ kind: "UNAVAILABLE" });
    sim.faults.reset();
    expect(sim.instances.countByServerId(next)).toBe(0);
  });

  it("finds the server whose create answer was lost", async () => {
    const serverId = randomUUID();
    sim.faults.set({ loseCreateResponses: 1 });
    expect(failure(await ovh.createServer(spec(serverId)))).toMatchObject({ kind: "UNAVAILABLE" });
    const found = value(await ovh.findByServerId(serverId));
    expect(found).toHaveLength(1);
    expect(sim.instances.countByServerId(serverId)).toBe(1);
  });

  it("reports a failing action as the ERROR state", async () => {
    sim.faults.set({ failNextActions: 1 });
    const { server } = value(await ovh.createServer(spec(randomUUID())));
    await until(server.providerServerId, "ERROR");
  });

  it("refuses unknown flavors, images and regions, and times out a slow API", async () => {
    expect(failure(await ovh.createServer({ ...spec(randomUUID()), size: "b2-7" }))).toMatchObject({
      kind: "REJECTED",
      code: "FLAVOR_NOT_FOUND",
    });
    expect(failure(await ovh.createServer({ ...spec(randomUUID()), image: "Windows 11" }))).toMatchObject({
      kind: "REJECTED",
      code: "IMAGE_NOT_FOUND",
    });
    expect(failure(await ovh.createServer(spec(randomUUID(), "BHS1")))).toMatchObject({
      kind: "REJECTED",
      code: "Client::BadRequest",
    });

    const hasty = provider({ timing: { ...TIMING, requestTimeoutMs: 100, maxRetries: 0 } });
    value(await hasty.listOurs());
    sim.faults.set({ latencyMs: 300 });
    expect(failure(await hasty.listOurs())).toMatchObject({ kind: "TIMEOUT" });
  });

  it("refuses bad credentials without ever showing them", async () => {
    const wrongConsumer = provider({
      credentials: { ...sim.credentials, consumerKey: "ck-wrong-secret-value" },
    });
    const refused = failure(await wrongConsumer.listOurs());
    expect(refused).toMatchObject({ kind: "REJECTED", code: "INVALID_CREDENTIAL" });
    expect(refused.message).not.toContain("ck-wrong-secret-value");
    expect(refused.message).toMatch(/query EU\./);

    const wrongSecret = provider({
      credentials: { ...sim.credentials, applicationSecret: "as-wrong-secret" },
    });
    const unsigned = failure(await wrongSecret.getServer("x"));
    expect(unsigned).toMatchObject({ kind: "REJECTED", code: "INVALID_SIGNATURE" });
    expect(unsigned.message).not.toContain("as-wrong-secret");
  });
});

describe("OvhCloudProvider with answers it cannot read", () => {
  let odd: Server;
  let url: string;
  beforeAll(async () => {
    odd = createServer((req, res) => {
      const path = req.url ?? "";
      if (path.endsWith("/auth/time")) return res.end(String(Math.floor(Date.now() / 1000)));
      if (path.endsWith("/instance")) return res.end(JSON.stringify([{ id: 1, name: "prod-pk-x" }]));
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
    });
    await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(odd.address() as AddressInfo).port}/1.0`;
  });
  afterAll(() => new Promise<void>((resolve) => odd.close(() => resolve())));

  it("never takes an unknown shape, or a 404 that is not OVH's, as an answer", async () => {
    const confused = new OvhCloudProvider({
      baseUrl: url,
      credentials: { applicationKey: "ak", applicationSecret: "as-secret", consumerKey: "ck-secret" },
      serviceName: "p",
      deployment: "prod",
      timing: TIMING,
    });
    expect(failure(await confused.listOurs())).toMatchObject({ kind: "INVALID_RESPONSE" });
    expect(failure(await confused.getServer("gone"))).toMatchObject({ kind: "INVALID_RESPONSE" });
    expect(failure(await confused.deleteServer("gone"))).toMatchObject({ kind: "INVALID_RESPONSE" });
  });
});

describe("OvhCloudProvider's signature", () => {
  const seen: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
  let recorder: Server;
  let url: string;
  beforeAll(async () => {
    recorder = createServer((req, res) => {
      seen.push({ url: req.url ?? "", headers: req.headers });
      res.setHeader("content-type", "application/json");
      res.end(req.url?.endsWith("/auth/time") ? "1457018875" : "[]");
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/1.0/`;
  });
  afterAll(() => new Promise<void>((resolve) => recorder.close(() => resolve())));

  it("is python-ovh's: over the official URL, path and query, wherever the call goes", async () => {
    const credentials = {
      applicationKey: "ak",
      applicationSecret: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk",
      consumerKey: "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY",
    };
    const cloud = new OvhCloudProvider({
      baseUrl: url,
      signedBaseUrl: OFFICIAL_URL,
      credentials,
      serviceName: "project1",
      deployment: "prod",
      timing: TIMING,
      now: () => 1457018875_000,
    });
    value(await cloud.listOurs());
    const call = seen.find((s) => s.url.startsWith("/1.0/cloud/project/project1/instance"))!;
    expect(call.headers["x-ovh-signature"]).toBe(
      ovhSignature({
        ...credentials,
        method: "GET",
        url: `https://eu.api.ovh.com${call.url}`,
        body: "",
        timestamp: String(call.headers["x-ovh-timestamp"]),
      }),
    );
  });
});
