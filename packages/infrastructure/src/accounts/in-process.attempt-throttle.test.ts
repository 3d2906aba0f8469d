import { describe, expect, it } from "vitest";
import { FixedClock } from "../testing/fixed-clock.ts";
import { InProcessAttemptThrottle } from "./in-process.attempt-throttle.ts";

describe("InProcessAttemptThrottle", () => {
  it("allows `limit` attempts per window, flags the first refusal, then reopens", async () => {
    const clock = new FixedClock(new Date("2026-11-25T10:00:00Z"));
    const throttle = new InProcessAttemptThrottle(clock);
    for (let i = 0; i < 3; i++) expect((await throttle.consume("k", 3, 60)).allowed).toBe(true);
    expect(await throttle.consume("k", 3, 60)).toEqual({
      allowed: false,
      attempts: 4,
      retryAfterSeconds: 60,
      firstRefusal: true,
    });
    expect((await throttle.consume("k", 3, 60)).firstRefusal).toBe(false);
    clock.advance(60);
    expect((await throttle.consume("k", 3, 60)).allowed).toBe(true);
  });

  it("lets exactly `limit` of many concurrent attempts through", async () => {
    const throttle = new InProcessAttemptThrottle(new FixedClock(new Date()));
    const decisions = await Promise.all(Array.from({ length: 50 }, () => throttle.consume("k", 5, 900)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("gives one attempt back on refund, never going below zero", async () => {
    const throttle = new InProcessAttemptThrottle(new FixedClock(new Date()));
    await throttle.consume("k", 2, 900);
    await throttle.consume("k", 2, 900);
    await throttle.refund("k");
    expect(await throttle.consume("k", 2, 900)).toMatchObject({ allowed: true, attempts: 2 });
    for (let i = 0; i < 3; i++) await throttle.refund("k");
    expect(await throttle.consume("k", 2, 900)).toMatchObject({ allowed: true, attempts: 1 });
  });

  it("forgets a key on reset", async () => {
    const throttle = new InProcessAttemptThrottle(new FixedClock(new Date()));
    await throttle.consume("k", 1, 900);
    await throttle.reset("k");
    expect((await throttle.consume("k", 1, 900)).allowed).toBe(true);
  });
});
