import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import { isMarkupBasisPoints, withMarkup } from "./reseller.ts";

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
});
