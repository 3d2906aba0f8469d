import { describe, expect, it } from "vitest";
import { ConnectionQuota } from "./connection-quota.ts";

describe("ConnectionQuota", () => {
  it("counts connections per key up to its limit, and frees one per release, once", () => {
    const quota = new ConnectionQuota(2);
    const first = quota.take("a")!;
    expect(quota.take("a")).not.toBeNull();
    expect([quota.isFull("a"), quota.take("a")]).toEqual([true, null]);
    expect(quota.take("b")).not.toBeNull();
    first();
    first();
    expect(quota.isFull("a")).toBe(false);
    expect(quota.take("a")).not.toBeNull();
    expect(quota.take("a")).toBeNull();
  });
});
