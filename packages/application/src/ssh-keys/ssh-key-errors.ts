export const ADD_SSH_KEY_ERROR_CODES = [
  "INVALID_NAME",
  "INVALID_PUBLIC_KEY",
  "DUPLICATE_SSH_KEY",
  "TOO_MANY_SSH_KEYS",
] as const;
export type AddSshKeyErrorCode = (typeof ADD_SSH_KEY_ERROR_CODES)[number];

export const DELETE_SSH_KEY_ERROR_CODES = ["SSH_KEY_NOT_FOUND"] as const;
export type DeleteSshKeyErrorCode = (typeof DELETE_SSH_KEY_ERROR_CODES)[number];
