import { describe, expect, it } from "vitest";
import { formatMemory, formatRials, formatTomans, persianNumber } from "./persian-numbers.ts";

describe("Persian numbers on the landing page", () => {
  it("writes counts with Persian digits and separators", () => {
    expect(persianNumber(1234567)).toBe("۱٬۲۳۴٬۵۶۷");
    expect(persianNumber(0n)).toBe("۰");
  });

  it("shows the API's rials as rials and as tomans, exactly, however large", () => {
    expect(formatRials("12345670")).toBe("۱۲٬۳۴۵٬۶۷۰ ریال");
    expect(formatTomans("12345670")).toBe("۱٬۲۳۴٬۵۶۷ تومان");
    expect(formatTomans("90071992547409930")).toBe("۹٬۰۰۷٬۱۹۹٬۲۵۴٬۷۴۰٬۹۹۳ تومان");
  });

  it("keeps the tenth of a toman that an hourly price in rials can carry", () => {
    expect(formatTomans("2345")).toBe("۲۳۴٫۵ تومان");
    expect(formatTomans("5")).toBe("۰٫۵ تومان");
  });

  it("shows a charge of the ledger, negative, with its tenth of a toman", () => {
    expect(formatTomans("-3")).toBe(new Intl.NumberFormat("fa-IR").format(-0.3) + " تومان");
    expect(formatTomans("-11")).toBe(new Intl.NumberFormat("fa-IR").format(-1.1) + " تومان");
    expect(formatTomans("-11000")).toBe(new Intl.NumberFormat("fa-IR").format(-1100) + " تومان");
  });

  it("sells memory in megabytes below a gigabyte and in gigabytes above", () => {
    expect(formatMemory(512)).toBe("۵۱۲ مگابایت");
    expect(formatMemory(1024)).toBe("۱ گیگابایت");
    expect(formatMemory(1536)).toBe("۱٫۵ گیگابایت");
  });
});
