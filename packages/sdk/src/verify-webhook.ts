import { createHmac, timingSafeEqual } from "node:crypto";

/** Why {@link verifyWebhook} refused a delivery. */
export type WebhookRefusal =
  /** The header is missing, or lacks `t=` or a `v1=`. */
  | "MALFORMED_HEADER"
  /** The timestamp is further from now than `toleranceSeconds`: possibly a replay. */
  | "TIMESTAMP_OUT_OF_TOLERANCE"
  /** No `v1` signature matches the body under this secret. */
  | "SIGNATURE_MISMATCH";

export type WebhookVerification =
  | { readonly valid: true; /** When Peykarband signed the delivery. */ readonly signedAt: Date }
  | { readonly valid: false; readonly reason: WebhookRefusal };

export interface VerifyWebhookOptions {
  /** How far the signature's timestamp may be from now, in seconds; 300 unless given. */
  readonly toleranceSeconds?: number;
}

const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Checks a webhook delivery's `Peykarband-Signature` header,
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, against the endpoint's secret.
 * Pass the body exactly as received, before any JSON parsing. Several `v1` entries are accepted
 * (one per secret while a secret is rotated); each is compared in constant time.
 *
 * @example
 * ```ts
 * const check = verifyWebhook(secret, request.headers["peykarband-signature"], rawBody);
 * if (!check.valid) return response.status(400).send(check.reason);
 * const event = JSON.parse(rawBody);
 * ```
 */
export function verifyWebhook(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): WebhookVerification {
  const parsed = parseSignatureHeader(header ?? "");
  if (!parsed) return { valid: false, reason: "MALFORMED_HEADER" };
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(Date.now() / 1000 - parsed.timestamp) > tolerance) {
    return { valid: false, reason: "TIMESTAMP_OUT_OF_TOLERANCE" };
  }
  const expected = createHmac("sha256", secret).update(`${parsed.timestamp}.`).update(rawBody).digest();
  const matches = parsed.signatures.some(
    (signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
  );
  return matches
    ? { valid: true, signedAt: new Date(parsed.timestamp * 1000) }
    : { valid: false, reason: "SIGNATURE_MISMATCH" };
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: Buffer[] } | null {
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === "t" && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, "hex"));
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}
