import type { Rial } from "@peykarband/domain";
import { Kind } from "graphql";
import { describe, expect, it } from "vitest";
import { RialScalar } from "./rial.scalar.ts";

describe("Rial scalar", () => {
  it("serializes as a decimal string beyond float precision", () => {
    expect(RialScalar.serialize(9_007_199_254_740_993n)).toBe("9007199254740993");
  });

  it("parses strings, Persian digits included, and refuses numbers and fractions", () => {
    expect((RialScalar.parseValue("۱۲۵۰۰۰۰") as Rial).amount).toBe(1_250_000n);
    expect(() => RialScalar.parseValue(1250000)).toThrow();
    expect(() => RialScalar.parseValue("12.5")).toThrow();
    expect(() => RialScalar.parseLiteral({ kind: Kind.INT, value: "5" })).toThrow();
  });
});
