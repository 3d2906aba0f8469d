import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous } from "../testing/account-test-kit.ts";

describe("registerUser", () => {
  it("creates a CUSTOMER with a canonical email and E.164 phone and signs them in", async () => {
    const kit = accountTestKit();
    const result = await kit.useCases.registerUser(
      { email: " Sara@Example.com", password: "correct horse battery", phone: "۰۹۱۲۱۲۳۴۵۶۷" },
      anonymous(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.user).toMatchObject({ role: "CUSTOMER", email: { value: "sara@example.com" } });
    expect(result.value.user.phone?.e164).toBe("+989121234567");
    expect(kit.audit.actions()).toEqual(["USER_REGISTERED"]);
  });

  it("refuses an email that differs only in case or Unicode form", async () => {
    const kit = accountTestKit();
    await kit.useCases.registerUser(
      { email: "reza@example.com", password: "correct horse battery" },
      anonymous(),
    );
    const again = await kit.useCases.registerUser(
      { email: "ＲＥＺＡ@EXAMPLE.com", password: "another good password" },
      anonymous(),
    );
    expect(again).toMatchObject({ ok: false, error: { code: "EMAIL_TAKEN", field: ["email"] } });
    expect(kit.users.rows.size).toBe(1);
  });

  it.each([
    [{ email: "not-an-email", password: "correct horse battery" }, "INVALID_EMAIL"],
    [{ email: "a@example.com", password: "short" }, "PASSWORD_TOO_SHORT"],
    [{ email: "a@example.com", password: "correct horse battery", phone: "12345" }, "INVALID_PHONE"],
    [{ email: "<script>@example.com'--", password: "correct horse battery" }, "INVALID_EMAIL"],
  ])("refuses bad input %j with %s and writes nothing", async (input, code) => {
    const kit = accountTestKit();
    expect(await kit.useCases.registerUser(input, anonymous())).toMatchObject({ ok: false, error: { code } });
    expect(kit.users.rows.size).toBe(0);
  });

  it("limits sign-ups per IP", async () => {
    const kit = accountTestKit({ maxAttemptsPerIp: 2 });
    const attempt = (n: number) =>
      kit.useCases.registerUser(
        { email: `u${n}@example.com`, password: "correct horse battery" },
        anonymous(),
      );
    await attempt(1);
    await attempt(2);
    expect(await attempt(3)).toMatchObject({ ok: false, error: { code: "TOO_MANY_ATTEMPTS" } });
  });
});
