import { describe, expect, it } from "vitest";
import { FaultSwitchboard } from "./fault.switchboard.ts";

describe("FaultSwitchboard", () => {
  it("starts healthy, merges changes and resets", () => {
    const faults = new FaultSwitchboard(["request", "verify"] as const);
    expect(faults.current).toMatchObject({
      latencyMs: 0,
      serverErrorRate: 0,
      timeout: false,
      operations: null,
    });
    faults.set({ latencyMs: 50 });
    faults.set({ garbage: true, operations: ["verify"] });
    expect(faults.current).toMatchObject({ latencyMs: 50, garbage: true, operations: ["verify"] });
    expect(faults.affects("verify")).toBe(true);
    expect(faults.affects("request")).toBe(false);
    faults.reset();
    expect(faults.current.garbage).toBe(false);
    expect(faults.affects("request")).toBe(true);
  });

  it("refuses unknown knobs and out-of-range values, changing nothing", () => {
    const faults = new FaultSwitchboard(["request"] as const);
    expect(() => faults.setFromJson({ latency: 10 })).toThrow(/unknown fault "latency"/);
    expect(() => faults.setFromJson({ latencyMs: -1 })).toThrow(RangeError);
    expect(() => faults.setFromJson({ serverErrorRate: 1.5 })).toThrow(RangeError);
    expect(() => faults.setFromJson({ timeout: "yes" })).toThrow(RangeError);
    expect(() => faults.setFromJson({ operations: ["refund"] })).toThrow(/request/);
    expect(() => faults.setFromJson({ garbage: true, latencyMs: "slow" })).toThrow(RangeError);
    expect(faults.current.garbage).toBe(false);
  });
});
