import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  inProcessSessionEvictionBus,
  openRedisSessionEvictionBus,
  type SessionEviction,
  type SessionEvictionBus,
} from "./session-eviction.bus.ts";

/** Resolves with the next eviction `bus` hears. */
const nextEviction = (bus: SessionEvictionBus, heard: SessionEviction[]) =>
  new Promise<SessionEviction>((resolve) =>
    bus.listen((eviction) => (heard.push(eviction), resolve(eviction))),
  );

describe("in-process session eviction bus", () => {
  it("reaches every bus of this process, and none after it closed", async () => {
    const [a, b] = [inProcessSessionEvictionBus(), inProcessSessionEvictionBus()];
    const heard: SessionEviction[] = [];
    const next = nextEviction(b, heard);
    await a.publish({ sessionId: "s1" });
    expect(await next).toEqual({ sessionId: "s1" });
    await b.close();
    await a.publish({ userId: "u1" });
    expect(heard).toEqual([{ sessionId: "s1" }]);
    await a.close();
  });
});

const REDIS_URL = process.env["REDIS_URL"];

describe.skipIf(!REDIS_URL)("Redis session eviction bus (needs REDIS_URL)", () => {
  it("carries an eviction from one process's bus to another's, and not to another deployment", async () => {
    const deployment = `evict-${randomUUID().slice(0, 8)}`;
    const errors: Error[] = [];
    const open = (name: string) =>
      openRedisSessionEvictionBus({ redisUrl: REDIS_URL!, deployment: name, onError: (e) => errors.push(e) });
    const [one, two, stranger] = await Promise.all([
      open(deployment),
      open(deployment),
      open(`${deployment}-x`),
    ]);
    try {
      const heardByStranger: SessionEviction[] = [];
      stranger.listen((eviction) => heardByStranger.push(eviction));
      const heard: SessionEviction[] = [];
      const next = nextEviction(two, heard);
      await one.publish({ userId: "u1" });
      expect(await next).toEqual({ userId: "u1" });
      // Redis runs commands in order: had the stranger been on this deployment's channel, it would
      // have heard the first eviction before its own.
      const own = nextEviction(stranger, []);
      await stranger.publish({ sessionId: "s9" });
      await own;
      expect(heardByStranger).toEqual([{ sessionId: "s9" }]);
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([one.close(), two.close(), stranger.close()]);
    }
  });
});
