import type { Language } from "@peykarband/domain";

/** The language each user reads our notices in (docs/notifications.md). */
export interface LanguagePreferences {
  /** Null when there is no such user. */
  languageOf(userId: string): Promise<Language | null>;
  /** False when there is no such user. */
  setLanguage(userId: string, language: Language): Promise<boolean>;
}
