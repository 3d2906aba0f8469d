/**
 * What an API key may do. A session has every scope its role allows; a key has only the ones it
 * was created with, and never the account-security or staff fields, whatever its scopes.
 */
export const API_SCOPES = [
  "servers:read",
  "servers:write",
  "billing:read",
  "billing:write",
  "customers:write",
  "webhooks:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const isApiScope = (value: string): value is ApiScope =>
  (API_SCOPES as readonly string[]).includes(value);

/** Every key starts with this, so secret scanners can recognise a leaked one. */
export const API_KEY_PREFIX = "pkb_";

/** How many characters of a key are shown in lists: the prefix and the start of the key id, nothing secret. */
export const API_KEY_SHOWN_LENGTH = 12;

/** A partner's API key. The secret itself is never stored: only its SHA-256. */
export interface ApiKey {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** The first characters of the key, to recognise it in a list. */
  readonly prefix: string;
  readonly scopes: readonly ApiScope[];
  readonly createdAt: Date;
  /** Updated at most once a minute, not on every request. */
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}
