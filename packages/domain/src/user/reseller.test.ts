import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import type { Plan } from "../catalog/catalog.ts";
import { isMarkupBasisPoints, ratesWithMarkup, withMarkup } from "./reseller.ts";

describe("a reseller's markup", () => {
  it("adds whole basis points to a price, rounded half up to whole rials", () => {
    expect(withMarkup(Rial.of(100_000n), 1_500).amount).toBe(115_000n);
    expect(withMarkup(Rial.of(3n), 1_500).amount).toBe(3n);
    expect(withMarkup(Rial.of(10n), 500).amount).toBe(11n);
    expect(withMarkup(Rial.of(7n), 0).amount).toBe(7n);
    expect(withMarkup(Rial.of(1_000n), 100_000).amount).toBe(11_000n);
  });

  it("is 0 to 100000 whole basis points", () => {
    expect([0, 1, 100_000].every(isMarkupBasisPoints)).toBe(true);
    expect([-1, 100_001, 1.5, Number.NaN].some(isMarkupBasisPoints)).toBe(false);
  });

  it("prices a rate period at the customer's rates with the markup, and keeps ours beside them", () => {
    const plan: Plan = {
      id: "hz-cx22",
      name: "CX22",
      provider: "HETZNER",
      vcpus: 2,
      memoryMb: 4096,
      diskGb: 40,
      hourlyPrice: Rial.of(10_001n),
      monthlyPrice: Rial.of(7_300_000n),
      offers: [],
    };
    expect(ratesWithMarkup(plan, 1_500)).toEqual({
      planId: "hz-cx22",
      hourlyRate: Rial.of(11_501n),
      monthlyCap: Rial.of(8_395_000n),
      ourHourlyRate: Rial.of(10_001n),
      ourMonthlyCap: Rial.of(7_300_000n),
    });
    const ours = ratesWithMarkup(plan, 0);
    expect([ours.hourlyRate, ours.monthlyCap]).toEqual([ours.ourHourlyRate, ours.ourMonthlyCap]);
  });
});
