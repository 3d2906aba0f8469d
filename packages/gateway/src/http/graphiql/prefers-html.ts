const OFFERED = ["application/graphql-response+json", "application/json", "text/html"] as const;

interface Range {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

function parseAccept(header: string): Range[] {
  return header.split(",").flatMap((part) => {
    const [mediaRange, ...parameters] = part.split(";");
    const [type, subtype] = mediaRange!.trim().toLowerCase().split("/");
    if (!type || !subtype) return [];
    const qParameter = parameters
      .map((p) => p.trim().split("="))
      .find(([name]) => name?.toLowerCase() === "q");
    const q = qParameter ? Number(qParameter[1]) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q }] : [];
  });
}

/** q of the most specific range matching `offered`, and how specific it is (2 exact, 1 type/*, 0 *\/*). */
function preference(offered: string, ranges: readonly Range[]): { q: number; specificity: number } {
  const [type, subtype] = offered.split("/");
  let best = { q: 0, specificity: -1 };
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === "*"
          ? 1
          : range.type === "*" && range.subtype === "*"
            ? 0
            : -1;
    if (specificity > best.specificity) best = { q: range.q, specificity };
  }
  return best;
}

/**
 * A browser asks for HTML; GraphQL clients ask for JSON or anything (`*\/*`), and keep reaching
 * Apollo. Content negotiation as Apollo's own landing page does it: the highest q wins, then the
 * more specific match, then the order offered (JSON first).
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const ranges = parseAccept(accept);
  const [winner] = OFFERED.map((offered, order) => ({ offered, order, ...preference(offered, ranges) }))
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.order - b.order);
  return winner?.offered === "text/html";
}
