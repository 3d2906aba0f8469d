import { describe, expect, it } from "vitest";
import { AccessDeniedError } from "../shared/access-denied.error.ts";
import { anonymous, signedIn } from "../testing/account-test-kit.ts";
import { InMemoryLanguagePreferences } from "../testing/in-memory-language-preferences.ts";
import { createLanguagePreferenceUseCases } from "./language-preference.use-case.ts";

describe("language preference", () => {
  const setUp = () => {
    const languages = new InMemoryLanguagePreferences();
    languages.addUser("u-1");
    languages.addUser("u-2");
    return createLanguagePreferenceUseCases({ languages });
  };
  const customer = (userId: string) => signedIn({ userId, role: "CUSTOMER", sessionId: "s" });

  it("sets the signed-in user's own language, Persian until they choose", async () => {
    const useCases = setUp();
    expect(await useCases.userLanguage({ userId: "u-1" }, customer("u-1"))).toBe("fa");
    expect(await useCases.setLanguage({ language: "en" }, customer("u-1"))).toEqual({
      ok: true,
      value: { userId: "u-1", language: "en" },
    });
    expect(await useCases.userLanguage({ userId: "u-1" }, customer("u-1"))).toBe("en");
    expect(await useCases.userLanguage({ userId: "u-2" }, customer("u-2"))).toBe("fa");
  });

  it("shows it to its owner and staff only, and refuses the signed out", async () => {
    const useCases = setUp();
    expect(await useCases.userLanguage({ userId: "u-1" }, customer("u-2"))).toBeNull();
    const support = signedIn({ userId: "staff", role: "SUPPORT", sessionId: "s" });
    expect(await useCases.userLanguage({ userId: "u-1" }, support)).toBe("fa");
    await expect(useCases.setLanguage({ language: "en" }, anonymous())).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
  });

  it("answers USER_NOT_FOUND for a session whose account is gone", async () => {
    const result = await setUp().setLanguage({ language: "en" }, customer("gone"));
    expect(result.ok ? null : result.error.code).toBe("USER_NOT_FOUND");
  });
});
