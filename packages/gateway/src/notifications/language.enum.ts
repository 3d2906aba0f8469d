import type { Language } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

/** GraphQL spells enum values in capitals; the domain keeps the language tags. */
export const LanguageEnum = { FA: "FA", EN: "EN" } as const;
export type LanguageValue = keyof typeof LanguageEnum;

export const toLanguage = (value: LanguageValue): Language => (value === "FA" ? "fa" : "en");
export const fromLanguage = (language: Language): LanguageValue => (language === "fa" ? "FA" : "EN");

registerEnumType(LanguageEnum, {
  name: "Language",
  description: "A language we write to customers in.",
  valuesConfig: {
    FA: { description: "Persian (the default)." },
    EN: { description: "English." },
  },
});
