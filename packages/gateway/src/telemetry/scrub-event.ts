import type { ErrorEvent } from "@sentry/node";

export const FILTERED = "[Filtered]";

/** Keys whose values never leave the process: the log redaction's, and API keys, credentials and DSNs. */
const SENSITIVE_KEY =
  /password|passwd|token|secret|authorization|cookie|api[-_]?key|credential|code|dsn|otp/i;

/** Credentials that turn up inside text: bearer tokens, JWTs, URLs with a password. */
const SENSITIVE_TEXT: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, `$1 ${FILTERED}`],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, FILTERED],
  [/\/\/([^/\s:@]+):[^/\s@]+@/g, `//$1:${FILTERED}@`],
];

const scrubText = (text: string): string =>
  SENSITIVE_TEXT.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);

function scrub(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    copy[key] = SENSITIVE_KEY.test(key) ? FILTERED : scrub(item, seen);
  return copy;
}

/**
 * Sentry's `beforeSend`: every value under a sensitive key (headers, cookies, extra data,
 * contexts, breadcrumbs, at any depth) is replaced, tokens inside messages and stack frames'
 * variables are blanked, and the request's body and query string are dropped whole: they may carry
 * GraphQL variables (passwords, 2FA codes).
 */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  const scrubbed = scrub(event, new WeakSet()) as ErrorEvent;
  if (scrubbed.request) {
    delete scrubbed.request.data;
    delete scrubbed.request.query_string;
    delete scrubbed.request.cookies;
  }
  if (scrubbed.user) scrubbed.user = scrubbed.user.id === undefined ? {} : { id: scrubbed.user.id };
  return scrubbed;
}
