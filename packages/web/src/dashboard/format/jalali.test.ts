import { describe, expect, it } from "vitest";
import { jalaliDateTime } from "./jalali.ts";

describe("Jalali dates", () => {
  it("shows an instant from the API in the Persian calendar, in Tehran's time and Persian digits", () => {
    expect(jalaliDateTime("2026-12-07T17:00:00Z")).toBe("۱۶ آذر ۱۴۰۵، ۲۰:۳۰");
    expect(jalaliDateTime("2026-03-20T20:30:00Z")).toContain("۱ فروردین ۱۴۰۵");
  });
});
