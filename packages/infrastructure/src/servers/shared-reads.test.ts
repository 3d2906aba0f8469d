import { describe, expect, it } from "vitest";
import { SharedReads } from "./shared-reads.ts";

describe("SharedReads", () => {
  it("gives the calls of one turn one read, started after all of them", async () => {
    const reads = new SharedReads<number>();
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
    const reads = new SharedReads<string>();
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

  it("gives the calls made while a read runs one read of their own, started once it is over", async () => {
    const reads = new SharedReads<string>();
    const events: string[] = [];
    let finishFirst!: (value: string) => void;
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = reads.read("a", () => {
      events.push("first read");
      firstStarted();
      return new Promise((resolve) => (finishFirst = resolve));
    });
    await started;
    const later = () =>
      reads.read("a", () => {
        events.push("second read");
        return Promise.resolve("second");
      });
    const [second, third] = [later(), later()];
    // However many turns pass, the next read waits for the running one.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(["first read"]);
    events.push("first done");
    finishFirst("first");
    expect(await Promise.all([first, second, third])).toEqual(["first", "second", "second"]);
    expect(events).toEqual(["first read", "first done", "second read"]);
  });

  it("starts the next read after a failed one", async () => {
    const reads = new SharedReads<string>();
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const failing = reads.read("a", () => {
      firstStarted();
      return Promise.reject(new Error("lost the connection"));
    });
    await started;
    const next = reads.read("a", () => Promise.resolve("read"));
    await expect(failing).rejects.toThrow("lost the connection");
    await expect(next).resolves.toBe("read");
  });
});
