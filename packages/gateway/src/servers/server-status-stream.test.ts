import type { Server, ServerStatusChange } from "@peykarband/domain";
import { describe, expect, it } from "vitest";
import { SubscriptionSlots } from "../context/subscription-slots.ts";
import { serverStatusEvents } from "./server-status-stream.ts";

/** A feed as the pub/sub adapters behave: pulls wait for a push, and `return` ends waiting pulls. */
function channel() {
  const queued: ServerStatusChange[] = [];
  const waiting: ((result: IteratorResult<ServerStatusChange>) => void)[] = [];
  let returned = false;
  const feed: AsyncIterableIterator<ServerStatusChange> = {
    [Symbol.asyncIterator]: () => feed,
    next: () =>
      returned
        ? Promise.resolve({ done: true, value: undefined })
        : queued.length > 0
          ? Promise.resolve({ done: false, value: queued.shift()! })
          : new Promise((resolve) => waiting.push(resolve)),
    return: () => {
      returned = true;
      for (const resolve of waiting.splice(0)) resolve({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return {
    feed,
    push: (change: ServerStatusChange) => {
      const resolve = waiting.shift();
      if (resolve) resolve({ done: false, value: change });
      else queued.push(change);
    },
    isReturned: () => returned,
  };
}

const at = new Date("2030-01-01T00:00:00Z");
const server = (id: string, status: Server["status"]): Server => ({
  id,
  userId: "u1",
  name: "web-1",
  status,
  provider: "HETZNER",
  planId: "hz-cx22",
  regionId: "hz-fsn1",
  imageId: "ubuntu-24.04",
  sshKeyIds: [],
  providerServerId: null,
  ipv4: null,
  ipv6: null,
  pendingOperation: null,
  failureReason: null,
  version: 1,
  idempotencyKey: "k",
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
});
const change = (serverId: string, previousStatus: Server["status"], status: Server["status"]) => ({
  serverId,
  userId: "u1",
  status,
  previousStatus,
  version: 2,
  reason: null,
  occurredAt: new Date("2030-01-01T00:01:00Z"),
});

describe("serverStatusEvents", () => {
  it("opens with each server's stored status, then follows the feed", async () => {
    const { feed, push } = channel();
    const events = serverStatusEvents(
      { initial: [server("a", "PENDING"), server("b", "ACTIVE")], changes: feed },
      () => {},
    );
    expect(await events.next()).toMatchObject({
      value: { serverId: "a", status: "PENDING", previousStatus: null },
    });
    expect(await events.next()).toMatchObject({
      value: { serverId: "b", status: "ACTIVE", previousStatus: null },
    });
    const pending = events.next();
    push(change("a", "PENDING", "PROVISIONING"));
    expect(await pending).toEqual({
      done: false,
      value: {
        serverId: "a",
        status: "PROVISIONING",
        previousStatus: "PENDING",
        occurredAt: new Date("2030-01-01T00:01:00Z"),
        server: null,
      },
    });
  });

  it("closes the feed and frees its slot when the client stops, even while waiting for a change", async () => {
    const { feed, isReturned } = channel();
    const slots = new SubscriptionSlots(1);
    const release = slots.take()!;
    expect(slots.take()).toBeNull();
    const events = serverStatusEvents({ initial: [], changes: feed }, release);
    const waiting = events.next();
    await events.return!();
    expect(isReturned()).toBe(true);
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(slots.open).toBe(0);
    expect(await events.next()).toEqual({ done: true, value: undefined });
    // Releasing twice (a return after the feed ended) must not free a slot someone else holds.
    const again = slots.take()!;
    await events.return!();
    expect(slots.open).toBe(1);
    again();
  });

  it("frees its slot when the feed ends by itself", async () => {
    const { feed } = channel();
    const slots = new SubscriptionSlots(2);
    const events = serverStatusEvents({ initial: [], changes: feed }, slots.take()!);
    const waiting = events.next();
    await feed.return!();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(slots.open).toBe(0);
  });
});
