import { describe, expect, it } from "vitest";
import { rialsFromTomans } from "./tomans-input.ts";

describe("a top-up amount typed in tomans", () => {
  it("becomes the rials the API takes, from Persian or Latin digits and either separator", () => {
    expect(rialsFromTomans("۲٬۰۰۰٬۰۰۰")).toBe("20000000");
    expect(rialsFromTomans("50,000")).toBe("500000");
    expect(rialsFromTomans(" ١٢٣ ")).toBe("1230");
  });

  it("is refused when it is not a whole number", () => {
    expect(rialsFromTomans("")).toBe("");
    expect(rialsFromTomans("۱۰.۵")).toBe("");
    expect(rialsFromTomans("-5")).toBe("");
    expect(rialsFromTomans("ده هزار")).toBe("");
  });
});
