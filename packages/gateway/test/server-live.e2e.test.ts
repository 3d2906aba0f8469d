import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { startLiveSandbox, type LiveSandbox } from "./support/server-live-sandbox.ts";
import {
  recordStatuses,
  tailFrom,
  type StatusEvent,
  type StatusRecording,
} from "./support/server-live-streams.ts";

/**
 * On the embedded default a person orders a server, watches it go ACTIVE live in a graphql-ws
 * client, powers it off, rebuilds it and deletes it, on each of the three simulated providers. Everything below goes through the SDK against the sandbox as main.ts runs
 * it (gateway and worker in one process), with provider actions of ACTION_MS.
 */

const ACTION_MS = 300;
const FUNDS = 500_000_000n;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const LIFECYCLE = ["PENDING", "PROVISIONING", "ACTIVE", "OFF", "REBUILDING", "ACTIVE", "DELETING", "DELETED"];

/** Our server id inside a Server's global id (base64url of "Server:<uuid>"), as the clouds carry it. */
const uuidOf = (globalId: string) =>
  Buffer.from(globalId, "base64url")
    .toString()
    .replace(/^Server:/, "");

const ORDERS = [
  { provider: "DIGITALOCEAN", planId: "do-s-1vcpu-1gb", regionId: "do-fra1", name: "web-do" },
  { provider: "HETZNER", planId: "hz-cx22", regionId: "hz-nbg1", name: "web-hz" },
  { provider: "OVH", planId: "ovh-d2-2", regionId: "ovh-gra11", name: "web-ovh" },
] as const;

describe("the embedded default, live over graphql-ws", () => {
  let sandbox: LiveSandbox;
  const hourly = new Map<string, bigint>();
  beforeAll(async () => {
    sandbox = await startLiveSandbox({ actionMs: ACTION_MS });
    const { plans } = await createTestSdk(sandbox.app.url).Plans();
    for (const plan of plans) hourly.set(plan.id, BigInt(plan.hourlyPrice));
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const balanceOf = async (client: TestSdkClient) => BigInt((await client.Wallet()).viewer!.wallet.balance);
  /** What the clouds hold for these servers (GraphQL ids). */
  const atProviders = (serverIds: readonly string[]) => {
    const ours = serverIds.map(uuidOf);
    return sandbox.clouds.servers().filter((s) => s.serverId !== null && ours.includes(s.serverId));
  };

  it(
    "orders, watches ACTIVE, powers off, rebuilds and deletes a server on each provider; charged the first hour",
    { timeout: 120_000 },
    async () => {
      const { client } = await sandbox.customer(String(FUNDS));
      const all = await recordFromConnection(client);
      const perServer: StatusRecording[] = [];
      try {
        const servers = await Promise.all(
          ORDERS.map(async (order) => {
            const { orderServer } = await client.OrderServer({
              input: {
                name: order.name,
                planId: order.planId,
                regionId: order.regionId,
                imageId: "ubuntu-24.04",
                idempotencyKey: randomUUID(),
              },
            });
            expect(orderServer.userErrors).toEqual([]);
            const server = orderServer.server!;
            expect(server).toMatchObject({ status: "PENDING", provider: order.provider, ipv4: null });
            const one = recordStatuses(client, server.id);
            perServer.push(one);
            await runLifecycle(client, one, server.id);
            return { server, one };
          }),
        );

        for (const { server, one } of servers) {
          const statuses = all.statuses(server.id);
          expect(statuses, server.name).toEqual(LIFECYCLE);
          const own = all.events.filter((e) => e.server.id === server.id);
          expect(own[0]!.previousStatus).toBeNull();
          own.slice(1).forEach((event, i) => expect(event.previousStatus).toBe(own[i]!.status));
          expect(own.find((e) => e.status === "ACTIVE")!.server.ipv4).toMatch(IPV4);
          // The one-server stream opened with the stored state (PENDING, or later if the worker was
          // quick) and then missed nothing.
          expect(one.statuses(), server.name).toEqual(tailFrom(LIFECYCLE, one.statuses()[0]));
          expect(one.events[0]!.previousStatus).toBeNull();

          const { server: withHistory } = await client.ServerHistory({ id: server.id });
          expect(withHistory!.history.map((h) => h.status)).toEqual(LIFECYCLE);
          expect((await client.Server({ id: server.id })).server).toMatchObject({
            status: "DELETED",
            pendingOperation: null,
            failureReason: null,
            image: { id: "debian-12" },
          });
        }

        const ids = servers.map((s) => s.server.id);
        // DELETED is stored only once the provider no longer has the server (OVH too, which gives
        // no action to follow and keeps the instance DELETING for a while).
        expect(atProviders(ids)).toEqual([]);
        expect(sandbox.clouds.servers()).toEqual([]);
        const firstHours = ORDERS.reduce((sum, order) => sum + hourly.get(order.planId)!, 0n);
        expect(firstHours).toBeGreaterThan(0n);
        // The first hours are prepaid at order; the VAT on the usage they cover is collected with it.
        const entries = (await client.WalletEntries({ first: 100 })).viewer!.wallet.entries.edges;
        const vat = entries
          .filter((e) => e.node.kind === "VAT")
          .reduce((sum, e) => sum - BigInt(e.node.amount), 0n);
        expect(vat).toBeGreaterThan(0n);
        expect(await balanceOf(client)).toBe(FUNDS - firstHours - vat);
      } finally {
        for (const stream of [all, ...perServer]) await stream.stop();
      }
    },
  );

  it(
    "fails a server whose create ends in error at the provider, with a reason, and refunds it",
    { timeout: 60_000 },
    async () => {
      const { client } = await sandbox.customer(String(FUNDS));
      const all = await recordFromConnection(client);
      sandbox.clouds.hetzner.faults.set({ failNextActions: 1 });
      try {
        const { orderServer } = await client.OrderServer({
          input: {
            name: "doomed",
            planId: "hz-cx32",
            regionId: "hz-hel1",
            imageId: "debian-12",
            idempotencyKey: randomUUID(),
          },
        });
        expect(orderServer.userErrors).toEqual([]);
        const serverId = orderServer.server!.id;
        expect(await balanceOf(client)).toBe(FUNDS - hourly.get("hz-cx32")!);

        const failed = await all.waitFor((e) => e.server.id === serverId && e.status === "FAILED", "FAILED");
        expect(failed.server.failureReason).toEqual(expect.stringMatching(/\S/));
        expect(failed.server.ipv4).toBeNull();
        expect(all.statuses(serverId)).toEqual(["PENDING", "PROVISIONING", "FAILED"]);
        expect(sandbox.clouds.hetzner.faults.current.failNextActions).toBe(0);
        expect(await balanceOf(client)).toBe(FUNDS);
        const { server: withHistory } = await client.ServerHistory({ id: serverId });
        expect(withHistory!.history.at(-1)).toMatchObject({
          status: "FAILED",
          previousStatus: "PROVISIONING",
          reason: expect.stringMatching(/\S/),
        });
        // What the provider did create in error was deleted with the failure.
        expect(atProviders([serverId])).toEqual([]);

        // A FAILED server can only be deleted; that is free and changes nothing at the provider.
        const { rebootServer } = await client.RebootServer({ input: { serverId } });
        expect(rebootServer.userErrors.map((e) => e.code)).toEqual(["ILLEGAL_STATE"]);
        const { deleteServer } = await client.DeleteServer({ input: { serverId } });
        expect(deleteServer.userErrors).toEqual([]);
        await all.waitFor((e) => e.server.id === serverId && e.status === "DELETED", "DELETED");
        expect(await balanceOf(client)).toBe(FUNDS);
      } finally {
        sandbox.clouds.hetzner.faults.reset();
        await all.stop();
      }
    },
  );
});

/** What the customer does once the server is ordered, each step seen live on its own stream first. */
async function runLifecycle(client: TestSdkClient, one: StatusRecording, serverId: string): Promise<void> {
  const after = (count: number, status: string) => (e: StatusEvent) =>
    one.events.indexOf(e) >= count && e.status === status;

  const active = await one.waitFor((e) => e.status === "ACTIVE", "ACTIVE");
  expect(active.server.ipv4).toMatch(IPV4);

  let seen = one.events.length;
  const { powerOffServer } = await client.PowerOffServer({ input: { serverId } });
  expect(powerOffServer.userErrors).toEqual([]);
  expect(powerOffServer.server).toMatchObject({ status: "ACTIVE", pendingOperation: "POWER_OFF" });
  const off = await one.waitFor(after(seen, "OFF"), "OFF");
  expect(off).toMatchObject({ previousStatus: "ACTIVE", server: { pendingOperation: null } });

  seen = one.events.length;
  const { rebuildServer } = await client.RebuildServer({ input: { serverId, imageId: "debian-12" } });
  expect(rebuildServer.userErrors).toEqual([]);
  expect(rebuildServer.server).toMatchObject({ status: "REBUILDING", pendingOperation: "REBUILD" });
  const rebuilt = await one.waitFor(after(seen, "ACTIVE"), "ACTIVE after the rebuild");
  expect(rebuilt).toMatchObject({
    previousStatus: "REBUILDING",
    server: { pendingOperation: null, image: { id: "debian-12" } },
  });
  expect(rebuilt.server.ipv4).toMatch(IPV4);

  seen = one.events.length;
  const { deleteServer } = await client.DeleteServer({ input: { serverId } });
  expect(deleteServer.userErrors).toEqual([]);
  expect(deleteServer.server).toMatchObject({ status: "DELETING", pendingOperation: "DELETE" });
  const deleted = await one.waitFor(after(seen, "DELETED"), "DELETED");
  expect(deleted).toMatchObject({ previousStatus: "DELETING", server: { pendingOperation: null } });
}

/** Follows all of the viewer's servers, once the socket is up (so no order can precede the stream). */
async function recordFromConnection(client: TestSdkClient): Promise<StatusRecording> {
  const connected = new Promise<void>((resolve) => client.subscriptions().on("connected", () => resolve()));
  const all = recordStatuses(client);
  await connected;
  return all;
}
