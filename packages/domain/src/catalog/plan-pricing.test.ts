import { describe, expect, it } from "vitest";
import { planPrices } from "./plan-pricing.ts";

const usd = (cents: bigint, markupPercent = 0) => ({
  monthlyMinorUnits: cents,
  minorUnitsPerUnit: 100n,
  rialsPerUnit: 1_000_000n,
  markupPercent,
});

describe("planPrices", () => {
  it("converts exactly when nothing needs rounding", () => {
    const prices = planPrices(usd(600n));
    expect(prices.ok && prices.value.monthly.toString()).toBe("6000000");
    // 6,000,000 / 730 = 8,219.17… → up to 9,000
    expect(prices.ok && prices.value.hourly.toString()).toBe("9000");
  });

  it("applies the markup and rounds the monthly price UP to whole thousands", () => {
    // €4.59 at 1,234,567 rials, +20 %: 459 × 1,234,567 × 1.2 / 100 = 6,799,994.9… → 6,800,000
    const prices = planPrices({
      monthlyMinorUnits: 459n,
      minorUnitsPerUnit: 100n,
      rialsPerUnit: 1_234_567n,
      markupPercent: 20,
    });
    expect(prices.ok && prices.value.monthly.toString()).toBe("6800000");
    // 6,800,000 / 730 = 9,315.06… → 10,000
    expect(prices.ok && prices.value.hourly.toString()).toBe("10000");
  });

  it("rounds up by one step even for one rial over, and stays exact for huge numbers", () => {
    const prices = planPrices({
      monthlyMinorUnits: 1n,
      minorUnitsPerUnit: 100n,
      rialsPerUnit: 100_001n,
      markupPercent: 0,
    });
    expect(prices.ok && prices.value.monthly.toString()).toBe("2000");
    const big = planPrices({
      monthlyMinorUnits: 10n ** 9n,
      minorUnitsPerUnit: 100n,
      rialsPerUnit: 10n ** 7n,
      markupPercent: 999,
    });
    expect(big.ok && big.value.monthly.toString()).toBe(((10n ** 14n * 1099n) / 100n).toString());
  });

  it("never prices 730 hours below the month", () => {
    for (const cents of [459n, 600n, 759n, 1050n, 1859n, 2050n]) {
      const prices = planPrices(usd(cents, 35));
      if (!prices.ok) throw new Error("priced");
      expect(prices.value.hourly.amount * 730n >= prices.value.monthly.amount).toBe(true);
      expect(prices.value.monthly.amount % 1000n).toBe(0n);
      expect(prices.value.hourly.amount % 1000n).toBe(0n);
    }
  });

  it("refuses costs, rates and markups that make no sense", () => {
    for (const bad of [
      usd(0n),
      usd(-5n),
      usd(600n, -1),
      usd(600n, 1001),
      usd(600n, 1.5),
      { ...usd(600n), rialsPerUnit: 0n },
    ]) {
      expect(planPrices(bad)).toMatchObject({ ok: false, error: { code: "INVALID_PRICE" } });
    }
  });
});
