import { DEFAULT_LANGUAGE, type Language } from "@peykarband/domain";
import type { LanguagePreferences } from "../ports/language-preference.ts";

/** Users' notice languages in a map; a user is known once added. */
export class InMemoryLanguagePreferences implements LanguagePreferences {
  private readonly languages = new Map<string, Language>();

  addUser(userId: string): void {
    this.languages.set(userId, DEFAULT_LANGUAGE);
  }

  async languageOf(userId: string): Promise<Language | null> {
    return this.languages.get(userId) ?? null;
  }

  async setLanguage(userId: string, language: Language): Promise<boolean> {
    if (!this.languages.has(userId)) return false;
    this.languages.set(userId, language);
    return true;
  }
}
