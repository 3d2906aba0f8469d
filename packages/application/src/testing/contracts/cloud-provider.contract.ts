import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type {
  CloudProvider,
  CreateProviderServer,
  ProviderActionRef,
  ProviderServer,
  ProviderServerState,
} from "../../ports/cloud-provider.ts";

export interface CloudProviderFixture {
  readonly cloud: CloudProvider;
  /** A server to create, in this provider's vocabulary (its region, size and image names). */
  spec(serverId: string): CreateProviderServer;
  newId(): string;
  /** A well-formed provider id that no server has. */
  readonly unknownProviderServerId: string;
  close?(): Promise<void>;
}

/** Actions on the simulators take a fraction of a second; this only bounds a hang. */
const WAIT = { timeout: 15_000, interval: 20 };

/**
 * What provisioning and server operations rely on from a CloudProvider: a server is found by our
 * id (how a retried job avoids a second create), its actions end DONE and its state follows them,
 * a server deleted is gone, and an unknown id answers null or an empty list rather than failing.
 * Call it inside a `describe`.
 */
export function cloudProviderContract(open: () => Promise<CloudProviderFixture>): void {
  let fixture: CloudProviderFixture;
  beforeAll(async () => {
    fixture = await open();
  });
  afterAll(() => fixture?.close?.());

  function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
    return result.value;
  }

  /** Polls the action to its end; a provider may answer an operation with no action to follow. */
  async function finished(action: ProviderActionRef | null) {
    if (!action) return { status: "DONE" };
    return vi.waitFor(async () => {
      const state = value(await fixture.cloud.getAction(action));
      if (state.status === "RUNNING") throw new Error("still running");
      return state;
    }, WAIT);
  }

  const reaches = (id: string, state: ProviderServerState | null) =>
    vi.waitFor(async () => {
      const server = value(await fixture.cloud.getServer(id));
      expect(server?.state ?? null).toBe(state);
      return server;
    }, WAIT);

  async function aRunningServer(serverId = fixture.newId()): Promise<ProviderServer> {
    const { server, action } = value(await fixture.cloud.createServer(fixture.spec(serverId)));
    expect(await finished(action)).toEqual({ status: "DONE" });
    return (await reaches(server.providerServerId, "RUNNING"))!;
  }

  it("creates a server that is found by our id, runs with an IPv4 address and is listed as ours", async () => {
    const serverId = fixture.newId();
    const running = await aRunningServer(serverId);
    expect(running.serverId).toBe(serverId);
    expect(running.ipv4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const found = value(await fixture.cloud.findByServerId(serverId));
    expect(found.map((s) => s.providerServerId)).toEqual([running.providerServerId]);
    const ours = value(await fixture.cloud.listOurs());
    expect(ours.map((s) => s.providerServerId)).toContain(running.providerServerId);
  });

  it("answers an empty list and null for servers it does not have", async () => {
    expect(value(await fixture.cloud.findByServerId(fixture.newId()))).toEqual([]);
    expect(value(await fixture.cloud.getServer(fixture.unknownProviderServerId))).toBeNull();
  });

  it("powers a server off and on again through actions that end DONE", async () => {
    const { providerServerId: id } = await aRunningServer();
    expect(await finished(value(await fixture.cloud.powerOff(id)))).toEqual({ status: "DONE" });
    await reaches(id, "OFF");
    expect(await finished(value(await fixture.cloud.powerOn(id)))).toEqual({ status: "DONE" });
    await reaches(id, "RUNNING");
    expect(await finished(value(await fixture.cloud.reboot(id)))).toEqual({ status: "DONE" });
    await reaches(id, "RUNNING");
  });

  it("deletes a server: it is then neither found by our id nor by its own", async () => {
    const serverId = fixture.newId();
    const { providerServerId: id } = await aRunningServer(serverId);
    await finished(value(await fixture.cloud.deleteServer(id)));
    await reaches(id, null);
    expect(value(await fixture.cloud.findByServerId(serverId))).toEqual([]);
  });
}
