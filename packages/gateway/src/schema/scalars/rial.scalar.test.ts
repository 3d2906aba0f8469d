import { Rial } from "@peykarband/domain";
import { Kind } from "graphql";
import { describe, expect, it } from "vitest";
import { RialScalar } from "./rial.scalar.ts";

describe("Rial scalar", () => {
  it("serializes as a decimal string beyond float precision", () => {
    expect(RialScalar.serialize(9_007_199_254_740_993n)).toBe("9007199254740993");
    expect(RialScalar.serialize(Rial.of(-250_000n))).toBe("-250000");
  });

  it("hands any string on for the use case to judge, and refuses numbers", () => {
    expect(RialScalar.parseValue("۱۲۵۰۰۰۰")).toBe("۱۲۵۰۰۰۰");
    expect(RialScalar.parseValue("12.5")).toBe("12.5");
    expect(RialScalar.parseValue("99999999999999999999999")).toBe("99999999999999999999999");
    expect(RialScalar.parseLiteral({ kind: Kind.STRING, value: "abc" })).toBe("abc");
    expect(() => RialScalar.parseValue(1250000)).toThrow();
    expect(() => RialScalar.parseLiteral({ kind: Kind.INT, value: "5" })).toThrow();
  });
});
