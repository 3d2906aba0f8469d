import { format } from "winston";

const REDACTED = "[REDACTED]";
const SENSITIVE_KEY = /password|token|secret|authorization|code|cookie/i;

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  if (value instanceof Date) return value;
  const source =
    value instanceof Error
      ? { ...value, name: value.name, message: value.message, stack: value.stack }
      : value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    copy[key] = SENSITIVE_KEY.test(key) ? REDACTED : redact(item, seen);
  }
  return copy;
}

/**
 * Replaces the value of every key that looks sensitive, at any depth, before any transport sees
 * the entry. Winston's own symbol keys (level, splat, message) are kept as they are.
 */
export const redactSecrets = format((info) => {
  const seen = new WeakSet<object>();
  for (const key of Object.keys(info)) {
    info[key] = SENSITIVE_KEY.test(key) ? REDACTED : redact(info[key], seen);
  }
  return info;
});
