/** The languages a customer may read us in; Persian unless they chose English. */
export const LANGUAGES = ["fa", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "fa";

export const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);
