import { describe, expect, it } from "vitest";
import { FORM, fieldErrors, latinDigits } from "./field-errors.ts";

describe("userErrors beside their fields", () => {
  it("puts each message under its input's name, and those about no field under the form", () => {
    expect(
      fieldErrors([
        { field: ["input", "password"], message: "گذرواژه کوتاه است." },
        { field: null, message: "تلاش‌ها زیاد بود." },
      ]),
    ).toEqual({ password: "گذرواژه کوتاه است.", [FORM]: "تلاش‌ها زیاد بود." });
  });

  it("keeps every message when a field has two", () => {
    expect(
      fieldErrors([
        { field: ["input", "name"], message: "نام نادرست است." },
        { field: ["input", "name"], message: "نام تکراری است." },
      ]),
    ).toEqual({ name: "نام نادرست است. نام تکراری است." });
  });

  it("reads Persian and Arabic-Indic digits as Latin ones", () => {
    expect(latinDigits("۰۹۱۲-٣٤٥")).toBe("0912-345");
  });
});
