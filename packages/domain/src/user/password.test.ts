import { describe, expect, it } from "vitest";
import { Password } from "./password.ts";

describe("Password", () => {
  it("enforces 10 to 128 characters, counting code points", () => {
    expect(Password.parse("short")).toMatchObject({ ok: false, error: { code: "PASSWORD_TOO_SHORT" } });
    expect(Password.parse("x".repeat(129))).toMatchObject({
      ok: false,
      error: { code: "PASSWORD_TOO_LONG" },
    });
    expect(Password.parse("🔑".repeat(10)).ok).toBe(true);
  });

  it("never prints its secret", () => {
    const parsed = Password.parse("correct horse battery");
    expect(parsed.ok && `${parsed.value}`).toBe("[password]");
    expect(JSON.stringify(parsed)).not.toContain("horse");
  });
});
