import { describe, expect, it } from "vitest";
import { preferredLocale } from "./locale.ts";

describe("preferredLocale", () => {
  it.each([
    [null, "en"],
    ["fa", "fa"],
    ["fa-IR,fa;q=0.9,en-US;q=0.8", "fa"],
    ["en-US,en;q=0.9,fa;q=0.8", "en"],
    ["de-DE,fa;q=0.5", "fa"],
    ["de-DE", "en"],
    ["fa;q=abc", "en"],
  ])("%s → %s", (header, locale) => {
    expect(preferredLocale(header)).toBe(locale);
  });
});
