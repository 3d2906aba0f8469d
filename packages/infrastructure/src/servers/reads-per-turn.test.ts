import { describe, expect, it } from "vitest";
import { ReadsPerTurn } from "./reads-per-turn.ts";

describe("ReadsPerTurn", () => {
  it("gives the calls of one turn one read, started after all of them", async () => {
    const reads = new ReadsPerTurn<number>();
    const calls: string[] = [];
    const load = () => {
      calls.push("load");
      return Promise.resolve(calls.length);
    };
    const first = reads.read("a", load);
    calls.push("second call");
    const second = reads.read("a", load);
    expect(await Promise.all([first, second])).toEqual([2, 2]);
    expect(calls).toEqual(["second call", "load"]);
  });

  it("starts a new read for a call made once the read has started, and per key", async () => {
    const reads = new ReadsPerTurn<string>();
    let loads = 0;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (release = resolve));
    const slow = reads.read("a", () => {
      loads++;
      release();
      return new Promise((resolve) => setImmediate(() => resolve("first")));
    });
    await started;
    const late = reads.read("a", () => {
      loads++;
      return Promise.resolve("second");
    });
    const other = reads.read("b", () => {
      loads++;
      return Promise.resolve("other");
    });
    expect(await Promise.all([slow, late, other])).toEqual(["first", "second", "other"]);
    expect(loads).toBe(3);
  });
});
