import { describe, expect, it } from "vitest";
import { Rial } from "../money/rial.ts";
import { GATEWAY_AMOUNT_LIMITS, parseTopUpAmount } from "./top-up-limits.ts";

const ceiling = Rial.of(300_000_000n);

describe("parseTopUpAmount", () => {
  it("accepts whole rials within the gateway's range, Persian digits too", () => {
    expect(parseTopUpAmount("250000", "ZARINPAL", ceiling)).toMatchObject({ ok: true });
    const persian = parseTopUpAmount("۲۵۰۰۰۰", "IDPAY", ceiling);
    expect(persian.ok && persian.value.toString()).toBe("250000");
  });

  it.each([
    ["0", "AMOUNT_TOO_SMALL"],
    ["-250000", "AMOUNT_TOO_SMALL"],
    ["9999", "AMOUNT_TOO_SMALL"],
    ["abc", "INVALID_AMOUNT"],
    ["12.5", "INVALID_AMOUNT"],
    ["1e6", "INVALID_AMOUNT"],
    ["", "INVALID_AMOUNT"],
    ["300000001", "AMOUNT_TOO_LARGE"],
    [(2n ** 63n).toString(), "AMOUNT_TOO_LARGE"],
    ["9".repeat(30), "AMOUNT_TOO_LARGE"],
    ["-" + "9".repeat(30), "AMOUNT_TOO_SMALL"],
  ])("refuses %j for Zarinpal with %s", (input, code) => {
    expect(parseTopUpAmount(input, "ZARINPAL", ceiling)).toMatchObject({
      ok: false,
      error: { code, field: ["amount"] },
    });
  });

  it("uses each gateway's own range, and the lower of its maximum and our ceiling", () => {
    expect(parseTopUpAmount("1000", "IDPAY", ceiling).ok).toBe(true);
    expect(parseTopUpAmount("1000", "ZARINPAL", ceiling).ok).toBe(false);
    const high = Rial.of(10n ** 12n);
    expect(parseTopUpAmount("500000000", "IDPAY", high).ok).toBe(true);
    expect(parseTopUpAmount("500000001", "IDPAY", high)).toMatchObject({
      error: { code: "AMOUNT_TOO_LARGE" },
    });
    expect(parseTopUpAmount("1000000000", "ZARINPAL", high).ok).toBe(true);
    expect(parseTopUpAmount("1000000001", "ZARINPAL", high).ok).toBe(false);
    expect(GATEWAY_AMOUNT_LIMITS.IDPAY.min.toString()).toBe("1000");
  });
});
