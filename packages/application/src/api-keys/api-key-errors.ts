export const CREATE_API_KEY_ERROR_CODES = ["INVALID_NAME", "INVALID_SCOPES", "TOO_MANY_API_KEYS"] as const;
export type CreateApiKeyErrorCode = (typeof CREATE_API_KEY_ERROR_CODES)[number];

export const REVOKE_API_KEY_ERROR_CODES = ["API_KEY_NOT_FOUND"] as const;
export type RevokeApiKeyErrorCode = (typeof REVOKE_API_KEY_ERROR_CODES)[number];
