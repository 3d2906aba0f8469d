import { API_KEY_PREFIX, API_KEY_SHOWN_LENGTH } from "@peykarband/domain";

/**
 * `pkb_<key id, 32 hex digits>_<secret, 32 random bytes as base64url>`. The id is not secret: it
 * finds the row, whose stored SHA-256 is then compared with the secret's. The whole key matches
 * the secret-scanning pattern `pkb_[0-9a-f]{32}_[A-Za-z0-9_-]{43}` (docs/api.md).
 */
const KEY = /^pkb_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export const SECRET_BYTES = 32;

export function formatApiKey(id: string, secret: string): string {
  return `${API_KEY_PREFIX}${id.replaceAll("-", "")}_${secret}`;
}

export const shownPrefix = (key: string): string => key.slice(0, API_KEY_SHOWN_LENGTH);

/** The key id (a UUID) and the secret of a presented key, or null when it is not one of ours. */
export function parseApiKey(key: string): { id: string; secret: string } | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const hex = match[1]!;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2]! };
}

/** Compares two hashes in time that depends only on their length, not on where they differ. */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
