import { describe, expect, it } from "vitest";
import {
  invoiceNumber,
  invoicePeriod,
  invoiceTotals,
  jalaliDateLabel,
  jalaliMonthLabel,
  persianAmount,
  vatOn,
} from "./invoice.ts";

describe("invoice arithmetic", () => {
  it("rounds VAT half up to whole rials", () => {
    expect(vatOn(15n, 1000)).toBe(2n);
    expect(vatOn(14n, 1000)).toBe(1n);
    expect(vatOn(5n, 1000)).toBe(1n);
    expect(vatOn(4n, 1000)).toBe(0n);
    expect(vatOn(0n, 1000)).toBe(0n);
    expect(vatOn(1_234_567n, 1000)).toBe(123_457n);
    expect(vatOn(1_000_000n, 950)).toBe(95_000n);
    expect(vatOn(3n, 950)).toBe(0n); // 0.285
    expect(vatOn(999_999_999_999n, 0)).toBe(0n);
    expect(() => vatOn(-1n, 1000)).toThrow(RangeError);
  });

  it("totals the usage lines and adds the VAT collected on them", () => {
    const line = (amountRials: bigint, vatRials: bigint) => ({
      serverId: "s",
      serverName: "s",
      planId: "p",
      regionId: "r",
      provider: "HETZNER",
      seconds: 1n,
      amountRials,
      vatRials,
    });
    expect(invoiceTotals([line(100_005n, 10_001n), line(40n, 4n)])).toEqual({
      subtotalRials: 100_045n,
      vatRials: 10_005n,
      totalRials: 110_050n,
    });
  });

  it("numbers and names the month", () => {
    expect(invoiceNumber(1405, 123)).toBe("1405-000123");
    expect(jalaliMonthLabel({ year: 1405, month: 9 })).toBe("آذر ۱۴۰۵");
    const azar = invoicePeriod({ year: 1405, month: 9 });
    expect(azar.start.toISOString()).toBe("2026-11-21T20:30:00.000Z");
    expect(azar.end.toISOString()).toBe("2026-12-21T20:30:00.000Z");
  });
});

describe("invoice labels", () => {
  it("writes Jalali dates and amounts in Persian digits", () => {
    // 2026-12-07T04:00Z is 07:30 on 16 Azar 1405 in Tehran; 20:29Z on 21 Dec is still 30 Azar.
    expect(jalaliDateLabel(new Date("2026-12-07T04:00:00Z"))).toBe("۱۴۰۵/۰۹/۱۶");
    expect(jalaliDateLabel(new Date("2026-12-21T20:29:59Z"))).toBe("۱۴۰۵/۰۹/۳۰");
    expect(jalaliDateLabel(new Date("2026-12-21T20:30:00Z"))).toBe("۱۴۰۵/۱۰/۰۱");
    expect(persianAmount(1_234_567n)).toBe("۱٬۲۳۴٬۵۶۷");
    expect(persianAmount(999n)).toBe("۹۹۹");
  });
});
