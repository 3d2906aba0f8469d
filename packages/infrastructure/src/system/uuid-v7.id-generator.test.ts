import { describe, expect, it } from "vitest";
import { FixedClock } from "../testing/fixed-clock.ts";
import { UuidV7Generator } from "./uuid-v7.id-generator.ts";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("UuidV7Generator", () => {
  it("puts the clock's milliseconds in the first 48 bits", () => {
    const clock = new FixedClock(new Date("2026-03-21T08:00:00.123Z"));
    const id = new UuidV7Generator(clock).newId();
    expect(id).toMatch(V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(clock.now().getTime());
  });

  it("keeps creation order within one millisecond, past the counter's end", () => {
    const ids = new UuidV7Generator(new FixedClock());
    const made = Array.from({ length: 10_000 }, () => ids.newId());
    expect(made.every((id) => V7.test(id))).toBe(true);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
