import { describe, expect, it } from "vitest";
import { Email } from "./email.ts";

const canonical = (input: string) => {
  const parsed = Email.parse(input);
  return parsed.ok ? parsed.value.value : parsed.error.code;
};

describe("Email", () => {
  it("is canonical: case, surrounding spaces and Unicode form do not make a new address", () => {
    expect(canonical("  Sara@Example.COM ")).toBe("sara@example.com");
    // Fullwidth letters (compatibility forms) fold to ASCII under NFKC.
    expect(canonical("ｓａｒａ@example.com")).toBe("sara@example.com");
    expect(canonical("re\u0301za@example.com")).toBe(canonical("r\u00e9za@example.com"));
  });

  it.each(["", "plain", "a@b", "a @b.com", "a@@b.com", "a\u0000@b.com", `${"x".repeat(65)}@b.com`, "a@b.c"])(
    "refuses %j",
    (input) => expect(canonical(input)).toBe("INVALID_EMAIL"),
  );

  it("refuses addresses longer than 254 characters", () => {
    expect(canonical(`a@${"b".repeat(250)}.com`)).toBe("INVALID_EMAIL");
  });
});
