import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import { jalaliMonthStart } from "./jalali-calendar.ts";
import {
  accruedBetween,
  accruedUntil,
  chargeUntil,
  meterEndsAt,
  rateAt,
  type RatePeriod,
  type ServerMeter,
} from "./server-meter.ts";
import { serverUsageAt } from "./server-usage.ts";
import { usageVatBetween, vatUntil } from "./usage-vat.ts";
import { walletRunsOutAt } from "./wallet-runway.ts";

const ordered = new Date("2026-11-01T10:00:00Z");
const plus = (seconds: number, from = ordered) => new Date(from.getTime() + seconds * 1000);
const period = (startsAt: Date, hourly: bigint, monthly = hourly * 1000n): RatePeriod => ({
  startsAt,
  planId: `plan-${hourly}`,
  hourlyRate: Rial.of(hourly),
  monthlyCap: Rial.of(monthly),
  ourHourlyRate: Rial.of(hourly),
  ourMonthlyCap: Rial.of(monthly),
});
const meter = (change: Partial<ServerMeter> = {}): ServerMeter => ({
  serverId: "s-1",
  userId: "u-1",
  startedAt: ordered,
  endsAt: null,
  isVoid: false,
  prepaid: Rial.of(36_000n),
  settledUntil: ordered,
  settled: Rial.zero,
  isSettledFinal: false,
  periods: [period(ordered, 36_000n)],
  ...change,
});
const rials = (r: Rial) => r.amount;

describe("metering", () => {
  it("accrues per second: 36,000 rials an hour is 10 a second", () => {
    expect(rials(accruedUntil(meter(), plus(1)))).toBe(10n);
    expect(rials(accruedUntil(meter(), plus(125)))).toBe(1_250n);
    expect(rials(accruedUntil(meter(), plus(3600)))).toBe(36_000n);
  });

  it("bills at least 60 seconds once a server is deleted", () => {
    const deletedAfter20s = meter({ endsAt: meterEndsAt(ordered, plus(20)) });
    expect(rials(accruedUntil(deletedAfter20s, plus(3600)))).toBe(600n);
    const deletedAfter90s = meter({ endsAt: meterEndsAt(ordered, plus(90)) });
    expect(rials(accruedUntil(deletedAfter90s, plus(3600)))).toBe(900n);
  });

  it("accrues nothing for a FAILED server, and nothing before the order", () => {
    expect(rials(accruedUntil(meter({ isVoid: true }), plus(3600)))).toBe(0n);
    expect(rials(accruedBetween(meter(), plus(-3600), ordered))).toBe(0n);
    expect(rateAt(meter({ isVoid: true }), plus(10))).toEqual(Rial.zero);
  });

  it("caps each Jalali month at the monthly price, and starts again at the next month", () => {
    // 1 Azar 1405 begins 2026-11-21T20:30Z; the plan: 10,000 an hour, 1,000,000 a month (100 h).
    const azar = jalaliMonthStart({ year: 1405, month: 9 });
    const dey = jalaliMonthStart({ year: 1405, month: 10 });
    const start = new Date(azar.getTime() - 50 * 3_600_000);
    const m = meter({ startedAt: start, settledUntil: start, periods: [period(start, 10_000n, 1_000_000n)] });
    // 50 hours of Aban: 500,000, under the cap.
    expect(rials(accruedUntil(m, azar))).toBe(500_000n);
    // All of Azar hits the cap.
    expect(rials(accruedBetween(m, azar, dey))).toBe(1_000_000n);
    // One hour into Dey: a fresh month.
    expect(rials(accruedUntil(m, new Date(dey.getTime() + 3_600_000)))).toBe(1_510_000n);
    expect(serverUsageAt(m, new Date(dey.getTime() + 3_600_000))).toEqual({
      accrued: Rial.of(10_000n),
      ratePerHour: Rial.of(10_000n),
      monthCap: Rial.of(1_000_000n),
      periodStart: dey,
    });
  });

  it("splits the period at a resize: the old rate before, the new rate after", () => {
    const resized = plus(1800);
    const m = meter({ periods: [period(ordered, 36_000n), period(resized, 72_000n)] });
    expect(rials(accruedUntil(m, plus(3600)))).toBe(18_000n + 36_000n);
    expect(rateAt(m, plus(10))).toEqual(Rial.of(36_000n));
    expect(rateAt(m, plus(1801))).toEqual(Rial.of(72_000n));
  });

  it("rounds down once over the whole life: postings of any length sum to floor(total)", () => {
    // 1,000 rials an hour: 0.2777… a second, so most single seconds accrue nothing on their own.
    let m = meter({ prepaid: Rial.zero, periods: [period(ordered, 1_000n)] });
    let posted = 0n;
    for (let s = 1; s <= 7; s += 1) {
      const until = plus(s);
      const charge = chargeUntil(m, until);
      posted += charge.amount;
      m = { ...m, settledUntil: until, settled: accruedUntil(m, until) };
    }
    expect(posted).toBe((7n * 1_000n) / 3600n); // 1 rial: the remainder was carried, not lost
    expect(rials(accruedUntil(m, plus(18)))).toBe(5n);
  });

  it("draws the prepaid first hour down before charging, and gives back what a short life left", () => {
    const m = meter();
    expect(rials(chargeUntil(m, plus(1800)))).toBe(0n);
    expect(rials(chargeUntil(m, plus(5400)))).toBe(18_000n);
    const deleted = meter({ endsAt: meterEndsAt(ordered, plus(600)) });
    expect(rials(chargeUntil(deleted, plus(600)))).toBe(6_000n - 36_000n);
  });
});

describe("walletRunsOutAt", () => {
  const now = plus(7200);
  it("spends the balance, less unsettled usage, at the sum of the rates", () => {
    // Two hours accrued (72,000), one prepaid, nothing settled: 36,000 owed; 108,000 - 36,000 = 2 h left.
    expect(walletRunsOutAt(Rial.of(108_000n), [meter()], now, 0)).toEqual(plus(7200, now));
  });
  it("counts what is left of a prepayment, is null when nothing runs, and now when already spent", () => {
    expect(walletRunsOutAt(Rial.of(0n), [meter()], plus(1800), 0)).toEqual(plus(3600));
    expect(walletRunsOutAt(Rial.of(5n), [meter({ endsAt: plus(60) })], now, 1000)).toBeNull();
    expect(walletRunsOutAt(Rial.of(-5n), [meter()], now, 1000)).toEqual(now);
  });
  it("spends VAT too: the unsettled usage's and the future's", () => {
    // 36,000 usage owed + 7,200 VAT on two hours = 43,200; 122,400 - 43,200 = 79,200 at 39,600 an hour: 2 h.
    expect(walletRunsOutAt(Rial.of(122_400n), [meter()], now, 1000)).toEqual(plus(7200, now));
  });
});

describe("VAT on usage", () => {
  it("is carried like usage: postings sum to VAT on the total, rounded once", () => {
    // 1,000 rials an hour: 15 rials every 54 s. Half up per posting would collect 2 each (VAT 1.5).
    const slow = meter({ prepaid: Rial.zero, periods: [period(ordered, 1_000n)] });
    let settledTo = ordered;
    let collected = 0n;
    for (let i = 1; i <= 10; i += 1) {
      const until = plus(54 * i);
      const settledMeter = { ...slow, settledUntil: settledTo, settled: accruedUntil(slow, settledTo) };
      collected += rials(vatUntil(settledMeter, until, 1000));
      settledTo = until;
    }
    expect(rials(accruedUntil(slow, settledTo))).toBe(150n);
    expect(collected).toBe(15n);
    expect(rials(usageVatBetween(slow, ordered, settledTo, 1000))).toBe(15n);
  });
  it("collects nothing on a void or finally settled meter", () => {
    expect(rials(vatUntil(meter({ isVoid: true }), now(), 1000))).toBe(0n);
    expect(rials(vatUntil(meter({ isSettledFinal: true }), now(), 1000))).toBe(0n);
  });
});

const now = () => plus(3600);
