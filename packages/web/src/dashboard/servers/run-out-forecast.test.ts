import { describe, expect, it } from "vitest";
import { runsOutWith } from "./run-out-forecast.ts";

describe("the run-out forecast before an order", () => {
  const now = new Date("2026-12-07T17:00:00Z");

  it("divides the balance by the plan's hourly price, to the minute", () => {
    // 20,000,000 rials at 11,000 an hour: 1818 hours (75 days 18 hours) and 10 minutes, a fraction dropped.
    expect(runsOutWith("20000000", "11000", now)).toEqual(new Date("2027-02-21T11:10:00Z"));
  });

  it("is now when the wallet is empty, and none for a free plan", () => {
    expect(runsOutWith("0", "11000", now)).toEqual(now);
    expect(runsOutWith("5000", "0", now)).toBeNull();
  });
});
