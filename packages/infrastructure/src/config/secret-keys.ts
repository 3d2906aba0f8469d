export interface SigningKey {
  readonly kid: string;
  readonly secret: Uint8Array;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const MIN_SIGNING_KEY_BYTES = 32;
const SECRET_BOX_KEY_BYTES = 32;
const KID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const BASE64_ANY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** `kid1:secret1,kid2:secret2`: the first key signs, every key verifies (rotation). */
export function parseSigningKeys(text: string): Parsed<readonly SigningKey[]> {
  const keys: SigningKey[] = [];
  for (const [index, entry] of text.split(",").entries()) {
    const position = `entry ${index + 1}`;
    const separator = entry.indexOf(":");
    if (separator < 0) return { ok: false, problem: `${position} must look like kid:base64url-secret` };
    const kid = entry.slice(0, separator).trim();
    const encoded = entry.slice(separator + 1).trim();
    if (!KID.test(kid))
      return { ok: false, problem: `${position} has a key id that is not 1-64 of [A-Za-z0-9._-]` };
    if (keys.some((key) => key.kid === kid)) return { ok: false, problem: `key id "${kid}" appears twice` };
    if (!BASE64URL.test(encoded)) return { ok: false, problem: `secret of key "${kid}" is not base64url` };
    const secret = Buffer.from(encoded, "base64url");
    if (secret.length < MIN_SIGNING_KEY_BYTES) {
      return {
        ok: false,
        problem: `secret of key "${kid}" decodes to ${secret.length} bytes; at least ${MIN_SIGNING_KEY_BYTES} are required`,
      };
    }
    keys.push({ kid, secret: new Uint8Array(secret) });
  }
  return { ok: true, value: keys };
}

/** Base64 or base64url of exactly 32 bytes (an AES-256 key). */
export function parseSecretBoxKey(text: string): Parsed<Buffer> {
  const encoded = text.trim();
  if (!BASE64_ANY.test(encoded)) return { ok: false, problem: "is not base64 or base64url" };
  // Node's base64 decoder accepts both alphabets.
  const key = Buffer.from(encoded, "base64");
  if (key.length !== SECRET_BOX_KEY_BYTES) {
    return {
      ok: false,
      problem: `decodes to ${key.length} bytes; exactly ${SECRET_BOX_KEY_BYTES} are required`,
    };
  }
  return { ok: true, value: key };
}
