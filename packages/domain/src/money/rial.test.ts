import { describe, expect, it } from "vitest";
import { Rial } from "./rial.ts";

describe("Rial", () => {
  it("parses whole rials, with Persian digits too", () => {
    expect(Rial.parse("1250000")).toMatchObject({ ok: true });
    const persian = Rial.parse("۱۲۵۰۰۰۰");
    expect(persian.ok && persian.value.toString()).toBe("1250000");
  });

  it.each(["", "12.5", "1e6", "abc", "0x10", " ", "1,000"])("refuses %j", (input) => {
    expect(Rial.parse(input)).toMatchObject({
      ok: false,
      error: { code: "INVALID_AMOUNT", field: ["amount"] },
    });
  });

  it("refuses amounts past a bigint column", () => {
    expect(Rial.parse((2n ** 63n).toString())).toMatchObject({
      ok: false,
      error: { code: "AMOUNT_OUT_OF_RANGE" },
    });
    expect(Rial.parse((2n ** 63n - 1n).toString()).ok).toBe(true);
  });

  it("adds and compares exactly, with no float anywhere", () => {
    const a = Rial.of(9_007_199_254_740_993n);
    expect(a.plus(Rial.of(1n)).toString()).toBe("9007199254740994");
    expect(a.minus(a).equals(Rial.zero)).toBe(true);
    expect(Rial.of(-5n).isNegative()).toBe(true);
    expect(Rial.of(5n).compare(Rial.of(7n))).toBe(-1);
    expect(JSON.stringify({ balance: Rial.of(10n) })).toBe('{"balance":"10"}');
  });
});
