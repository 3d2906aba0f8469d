import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";

async function registered(emails: readonly string[]) {
  const kit = accountTestKit();
  for (const email of emails) {
    const result = await kit.useCases.registerUser({ email, password: "correct horse battery" }, anonymous());
    if (!result.ok) throw new Error(`setup failed for ${email}`);
  }
  return kit;
}

const staff = (role: "ADMIN" | "SUPPORT") => signedIn({ userId: "staff", role, sessionId: "s" });

describe("users", () => {
  it("finds by the canonical start of the email and by role, for SUPPORT and ADMIN, with a count", async () => {
    const kit = await registered(["sara@example.com", "sara.b@example.com", "reza@example.com"]);
    const page = await kit.useCases.users({ first: 10, email: "  ＳＡＲＡ" }, staff("SUPPORT"));
    expect(page.users.map((u) => u.email.value).sort()).toEqual(["sara.b@example.com", "sara@example.com"]);
    expect(await page.countAll()).toBe(2);
    const exact = await kit.useCases.users({ first: 10, email: "Sara@Example.com" }, staff("ADMIN"));
    expect(exact.users.map((u) => u.email.value)).toEqual(["sara@example.com"]);
    const admins = await kit.useCases.users({ first: 10, role: "ADMIN" }, staff("ADMIN"));
    expect(admins.users).toEqual([]);
    expect(await (await kit.useCases.users({ first: 1, email: " " }, staff("ADMIN"))).countAll()).toBe(3);
  });

  it("refuses customers and resellers", async () => {
    const kit = await registered([]);
    for (const role of ["CUSTOMER", "RESELLER"] as const) {
      await expect(
        kit.useCases.users({ first: 10 }, signedIn({ userId: "u", role, sessionId: "s" })),
      ).rejects.toMatchObject({ reason: "FORBIDDEN" });
    }
  });
});
