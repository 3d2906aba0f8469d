export type Locale = "en" | "fa";

/** The caller's preferred language among ours, by Accept-Language quality values; English by default. */
export function preferredLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return "en";
  let best: { locale: Locale; quality: number } = { locale: "en", quality: 0 };
  for (const part of acceptLanguage.slice(0, 512).split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    if (!Number.isFinite(quality)) continue;
    const locale: Locale | null =
      tag === "fa" || tag.startsWith("fa-") ? "fa" : tag.startsWith("en") ? "en" : null;
    if (locale && quality > best.quality) best = { locale, quality };
  }
  return best.locale;
}
