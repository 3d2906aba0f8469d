import type { Server, ServerStatusChange } from "@peykarband/domain";
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  inProcessServerStatusPubSub,
  openRedisServerStatusPubSub,
  serverStatusChannel,
  type ServerStatusPubSub,
} from "./server-status.pubsub.ts";

const aChange = (userId: string, overrides: Partial<ServerStatusChange> = {}): ServerStatusChange => ({
  serverId: randomUUID(),
  userId,
  status: "PROVISIONING",
  previousStatus: "PENDING",
  version: 2,
  reason: null,
  occurredAt: new Date("2026-03-21T08:01:02.345Z"),
  ...overrides,
});

/** Resolves with the next value, or "nothing" when none comes within `ms`. */
async function nextWithin<T>(iterator: AsyncIterator<T>, ms: number): Promise<IteratorResult<T> | "nothing"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"nothing">((resolve) => (timer = setTimeout(() => resolve("nothing"), ms)));
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("in-process server status pub/sub", () => {
  const errors: Error[] = [];
  const pubsub = inProcessServerStatusPubSub({ deployment: "test", onError: (e) => errors.push(e) });
  afterAll(() => pubsub.close());

  it("delivers a user's changes to that user's subscribers only, as equal values", async () => {
    const user = randomUUID();
    const other = randomUUID();
    const mine = await pubsub.subscribe(user);
    const theirs = await pubsub.subscribe(other);
    await Promise.all([mine.subscribed, theirs.subscribed]);
    const first = aChange(user);
    const second = aChange(user, {
      status: "ACTIVE",
      previousStatus: "PROVISIONING",
      version: 3,
      reason: "up",
    });
    await pubsub.publish(first);
    await pubsub.publish(second);

    expect(await mine.next()).toEqual({ value: first, done: false });
    expect(await mine.next()).toEqual({ value: second, done: false });
    // Delivery keeps publication order: had `theirs` got a change of `user`, it would come first.
    const ownChange = aChange(other);
    await pubsub.publish(ownChange);
    expect(await theirs.next()).toEqual({ value: ownChange, done: false });
    await theirs.return();
    expect(errors).toEqual([]);
  });

  it("stops delivering once the iterator is returned, and ends a waiting next()", async () => {
    const user = randomUUID();
    const subscription = await pubsub.subscribe(user);
    await subscription.subscribed;
    const waiting = subscription.next();
    expect(await subscription.return()).toEqual({ value: undefined, done: true });
    expect(await waiting).toEqual({ value: undefined, done: true });
    await pubsub.publish(aChange(user));
    expect(await subscription.next()).toEqual({ value: undefined, done: true });
  });

  it("works as a for-await stream", async () => {
    const user = randomUUID();
    const subscription = await pubsub.subscribe(user);
    await subscription.subscribed;
    const sent = [1, 2, 3].map((version) => aChange(user, { version }));
    for (const change of sent) await pubsub.publish(change);
    const seen: ServerStatusChange[] = [];
    for await (const change of subscription) {
      seen.push(change);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(sent);
  });
});

const redisUrl = process.env["REDIS_URL"];

describe.skipIf(!redisUrl)(
  "Redis server status pub/sub (needs REDIS_URL), across two processes' adapters",
  () => {
    const errors: Error[] = [];
    const opened: ServerStatusPubSub[] = [];
    const deployment = `test-${randomUUID().slice(0, 8)}`;
    const open = async (name = deployment) => {
      const pubsub = await openRedisServerStatusPubSub({
        deployment: name,
        redisUrl: redisUrl!,
        onError: (e) => errors.push(e),
      });
      opened.push(pubsub);
      return pubsub;
    };
    afterEach(() => expect(errors).toEqual([]));
    afterAll(() => Promise.all(opened.map((pubsub) => pubsub.close())));

    it("delivers a change published by one instance to another instance's feed", async () => {
      const [worker, gateway] = await Promise.all([open(), open()]);
      const user = randomUUID();
      const subscription = await gateway.subscribe(user);
      await subscription.subscribed;
      const change = aChange(user, { reason: "provider: droplet active" });
      await worker.publish(change);
      expect(await nextWithin(subscription, 5_000)).toEqual({ value: change, done: false });
      await subscription.return();
    });

    it("carries the server as stored with the change, dates and all, so subscribers need not read it", async () => {
      const [worker, gateway] = await Promise.all([open(), open()]);
      const user = randomUUID();
      const subscription = await gateway.subscribe(user);
      const serverId = randomUUID();
      const server: Server = {
        id: serverId,
        userId: user,
        name: "web-1",
        status: "ACTIVE",
        provider: "HETZNER",
        planId: "hz-cx22",
        regionId: "hz-fsn1",
        imageId: "ubuntu-24.04",
        sshKeyIds: [randomUUID()],
        providerServerId: "42",
        ipv4: "203.0.113.7",
        ipv6: "2001:db8::1",
        pendingOperation: null,
        failureReason: null,
        version: 3,
        idempotencyKey: "k-1",
        createdAt: new Date("2026-03-21T08:00:00.000Z"),
        updatedAt: new Date("2026-03-21T08:01:02.345Z"),
        deletedAt: null,
      };
      const change = aChange(user, { serverId, status: "ACTIVE", version: 3, server });
      await worker.publish(change);
      expect(await nextWithin(subscription, 5_000)).toEqual({ value: change, done: false });
      // A snapshot of another version than the change's is not trusted: left out.
      await worker.publish({ ...change, version: 4 });
      const next = await nextWithin(subscription, 5_000);
      expect(next).not.toBe("nothing");
      expect((next as IteratorResult<ServerStatusChange>).value).not.toHaveProperty("server");
      await subscription.return();
    });

    it("stops delivery and unsubscribes from Redis when the iterator is returned", async () => {
      const [worker, gateway] = await Promise.all([open(), open()]);
      const user = randomUUID();
      const channel = serverStatusChannel(deployment, user);
      const probe = new Redis(redisUrl!);
      try {
        const subscription = await gateway.subscribe(user);
        await subscription.subscribed;
        expect(await probe.pubsub("NUMSUB", channel)).toEqual([channel, 1]);
        await subscription.return();
        expect(await probe.pubsub("NUMSUB", channel)).toEqual([channel, 0]);
        await worker.publish(aChange(user));
        expect(await subscription.next()).toEqual({ value: undefined, done: true });
      } finally {
        probe.disconnect();
      }
    });

    it("keeps deployments apart on a shared Redis", async () => {
      const [ours, other] = await Promise.all([open(), open(`${deployment}-other`)]);
      const user = randomUUID();
      const otherFeed = await other.subscribe(user);
      const ourFeed = await ours.subscribe(user);
      await Promise.all([otherFeed.subscribed, ourFeed.subscribed]);
      const change = aChange(user);
      await ours.publish(change);
      expect(await nextWithin(ourFeed, 5_000)).toEqual({ value: change, done: false });
      // Our change has passed through Redis; one published next in the other deployment must be the
      // first its feed sees, since a subscriber's messages arrive in the order Redis took them.
      const theirChange = aChange(user, { version: 7 });
      await other.publish(theirChange);
      expect(await nextWithin(otherFeed, 5_000)).toEqual({ value: theirChange, done: false });
      await Promise.all([otherFeed.return(), ourFeed.return()]);
    });

    it("reports a failed publish through the callback instead of throwing, and close() quits both clients", async () => {
      const pubsub = await open();
      await pubsub.close();
      await expect(pubsub.publish(aChange(randomUUID()))).resolves.toBeUndefined();
      expect(errors).toHaveLength(1);
      errors.length = 0;
    });

    it("refuses to start when Redis does not answer", async () => {
      await expect(
        openRedisServerStatusPubSub({
          deployment,
          redisUrl: "redis://127.0.0.1:1",
          onError: (e) => errors.push(e),
        }),
      ).rejects.toThrow();
    });
  },
);
