import { Rial } from "@peykarband/domain";
import { describe, expect, it } from "vitest";
import { describeInPersian, type DescribedEntry } from "./ledger-entry-description.ts";

const entry = (details: Partial<DescribedEntry>): DescribedEntry => ({
  kind: "DEBIT",
  amount: Rial.of(-11_000n),
  reason: "an English reason",
  // 21:00 UTC is 00:30 in Tehran, on 17 Azar 1405.
  createdAt: new Date("2026-12-07T21:00:00.000Z"),
  payment: null,
  server: null,
  ...details,
});

describe("describeInPersian", () => {
  it("names a top-up's gateway and its bank reference, in Persian digits", () => {
    const payment = { gateway: "ZARINPAL", referenceId: "20250917" } as const;
    expect(describeInPersian(entry({ kind: "TOP_UP", payment }))).toBe(
      "افزایش موجودی با زرین‌پال، شمارهٔ پیگیری بانک ۲۰۲۵۰۹۱۷",
    );
    expect(
      describeInPersian(entry({ kind: "TOP_UP", payment: { gateway: "IDPAY", referenceId: null } })),
    ).toBe("افزایش موجودی با آیدی‌پی");
  });

  it("names the server of an order's charge and of its refund", () => {
    const server = { name: "web-1", windowStart: null };
    expect(describeInPersian(entry({ kind: "DEBIT", server }))).toBe(
      "ساعت نخست سرور «web-1»، پرداخت هنگام سفارش",
    );
    expect(describeInPersian(entry({ kind: "REFUND", server }))).toBe(
      "سرور «web-1» ساخته نشد؛ هزینهٔ ساعت نخست بازگشت",
    );
  });

  it("dates a usage window and its VAT in the Jalali calendar, Tehran's time", () => {
    const server = { name: "web-1", windowStart: new Date("2026-12-07T20:00:00.000Z") };
    const window = "از ۱۶ آذر ۱۴۰۵، ۲۳:۳۰ تا ۱۷ آذر ۱۴۰۵، ۰:۳۰";
    expect(describeInPersian(entry({ kind: "USAGE", server }))).toBe(`مصرف سرور «web-1» ${window}`);
    expect(describeInPersian(entry({ kind: "USAGE", amount: Rial.of(500n), server }))).toBe(
      `مصرف سرور «web-1» ${window}؛ پیش‌پرداخت مصرف‌نشده بازگشت`,
    );
    expect(describeInPersian(entry({ kind: "VAT", server }))).toBe(
      `مالیات بر ارزش افزودهٔ مصرف سرور «web-1» ${window}`,
    );
  });

  it("names a reseller's margin on its customer's usage, and its return", () => {
    const server = { name: "shop-1", windowStart: new Date("2026-12-07T20:00:00.000Z") };
    const window = "از ۱۶ آذر ۱۴۰۵، ۲۳:۳۰ تا ۱۷ آذر ۱۴۰۵، ۰:۳۰";
    expect(describeInPersian(entry({ kind: "RESELLER_MARGIN", amount: Rial.of(1_500n), server }))).toBe(
      `سهم شما از مصرف سرور «shop-1» ${window}`,
    );
    expect(describeInPersian(entry({ kind: "RESELLER_MARGIN", amount: Rial.of(-300n), server }))).toBe(
      `بازگشت سهم شما از پیش‌پرداخت مصرف‌نشدهٔ سرور «shop-1» ${window}`,
    );
  });

  it("says 'the server' when the caller cannot read the server's name", () => {
    expect(describeInPersian(entry({ kind: "DEBIT", server: { name: null, windowStart: null } }))).toBe(
      "ساعت نخست سرور، پرداخت هنگام سفارش",
    );
  });

  it("keeps a person's own words after the kind's Persian name", () => {
    expect(describeInPersian(entry({ kind: "ADMIN_CREDIT", reason: "goodwill for the outage" }))).toBe(
      "واریز پشتیبانی: goodwill for the outage",
    );
    expect(describeInPersian(entry({ kind: "RESELLER_TRANSFER" }))).toBe("واریز نماینده به کیف پول شما");
  });
});
