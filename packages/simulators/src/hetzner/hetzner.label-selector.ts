/**
 * Hetzner's label selector language: `k==v`, `k=v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`,
 * joined by commas meaning AND (commas inside parentheses belong to the set).
 */
export type LabelMatcher = (labels: Readonly<Record<string, string>>) => boolean;

const KEY = String.raw`[A-Za-z0-9][A-Za-z0-9._/-]*`;
const VALUE = String.raw`[A-Za-z0-9._-]*`;
const EQUALS = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const IN = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s+\(([^()]*)\)$`);
const EXISTS = new RegExp(String.raw`^(!?)(${KEY})$`);

/** A matcher, or null when the selector does not parse. */
export function parseLabelSelector(selector: string): LabelMatcher | null {
  const terms = splitTerms(selector);
  if (terms === null) return null;
  const tests: LabelMatcher[] = [];
  for (const raw of terms) {
    const term = raw.trim();
    let match: RegExpExecArray | null;
    if ((match = EQUALS.exec(term))) {
      const [, key, op, value] = match as unknown as [string, string, string, string];
      tests.push(op === "!=" ? (labels) => labels[key] !== value : (labels) => labels[key] === value);
    } else if ((match = IN.exec(term))) {
      const [, key, op, list] = match as unknown as [string, string, string, string];
      const values = new Set(list.split(",").map((value) => value.trim()));
      tests.push(
        op === "in"
          ? (labels) => labels[key] !== undefined && values.has(labels[key])
          : (labels) => labels[key] === undefined || !values.has(labels[key]),
      );
    } else if ((match = EXISTS.exec(term))) {
      const [, not, key] = match as unknown as [string, string, string];
      tests.push(not ? (labels) => !(key in labels) : (labels) => key in labels);
    } else {
      return null;
    }
  }
  return (labels) => tests.every((test) => test(labels));
}

function splitTerms(selector: string): string[] | null {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of selector) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (depth < 0 || depth > 1) return null;
    if (char === "," && depth === 0) {
      terms.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (depth !== 0) return null;
  terms.push(current);
  return terms.some((term) => term.trim() === "") ? null : terms;
}
