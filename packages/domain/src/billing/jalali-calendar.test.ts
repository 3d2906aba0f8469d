import { describe, expect, it } from "vitest";
import {
  billingMonthStarts,
  FIRST_BILLING_YEAR,
  jalaliMonthLength,
  jalaliMonthOf,
  jalaliMonthStart,
  nextJalaliMonth,
  type JalaliMonth,
} from "./jalali-calendar.ts";

// Node's own ICU (the global Intl, with the Persian calendar and the Tehran zone) as the witness.
const tehran = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: "Asia/Tehran",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});
const read = (instant: Date) => {
  const parts = Object.fromEntries(tehran.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
};

describe("Jalali month starts", () => {
  it("knows 1 Farvardin 1405 begins at 2026-03-20T20:30Z (00:00 in Tehran)", () => {
    expect(jalaliMonthStart({ year: 1405, month: 1 }).toISOString()).toBe("2026-03-20T20:30:00.000Z");
    expect(jalaliMonthStart({ year: 1405, month: 10 }).toISOString()).toBe("2026-12-21T20:30:00.000Z");
  });

  it("agrees with ICU on every month start from 1390 to 1430, summer time included", () => {
    for (
      let month: JalaliMonth = { year: FIRST_BILLING_YEAR, month: 1 };
      month.year < 1430;
      month = nextJalaliMonth(month)
    ) {
      const start = jalaliMonthStart(month);
      expect(read(start)).toEqual({ ...month, day: 1, hour: 0, minute: 0 });
      expect(read(new Date(start.getTime() - 60_000)).month).toBe(month.month === 1 ? 12 : month.month - 1);
      const next = jalaliMonthStart(nextJalaliMonth(month));
      expect((next.getTime() - start.getTime()) / 86_400_000).toBeCloseTo(jalaliMonthLength(month), 1);
      expect(jalaliMonthOf(start)).toEqual(month);
      expect(jalaliMonthOf(new Date(next.getTime() - 1))).toEqual(month);
    }
  });

  it("lists the month starts a settlement needs, oldest first, through the month after", () => {
    const starts = billingMonthStarts(new Date("2026-12-07T04:00:00Z"));
    expect(starts[0]).toEqual(jalaliMonthStart({ year: FIRST_BILLING_YEAR, month: 1 }));
    expect(starts.at(-1)).toEqual(jalaliMonthStart({ year: 1405, month: 10 }));
    expect(starts).toHaveLength((1405 - FIRST_BILLING_YEAR) * 12 + 10);
  });
});
