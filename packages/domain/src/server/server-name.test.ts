import { describe, expect, it } from "vitest";
import { parseServerName } from "./server-name.ts";

describe("parseServerName", () => {
  it("accepts RFC 1123 labels and lower-cases them", () => {
    expect(parseServerName(" Web-1 ")).toEqual({ ok: true, value: "web-1" });
    expect(parseServerName("a")).toEqual({ ok: true, value: "a" });
    expect(parseServerName("1234")).toEqual({ ok: true, value: "1234" });
    expect(parseServerName("x".repeat(63))).toMatchObject({ ok: true });
  });

  it("refuses anything a provider or cloud-init would reject", () => {
    for (const bad of ["", "-web", "web-", "web_1", "web.example", "x".repeat(64), "وب", "web 1", "a\nb"]) {
      expect(parseServerName(bad), bad).toMatchObject({
        ok: false,
        error: { code: "INVALID_NAME", field: ["name"] },
      });
    }
  });
});
