import { STEP_UP_ERROR_CODES } from "./step-up.ts";

/**
 * The closed set of expected failures of each account use case. The gateway turns each list
 * into the GraphQL enum of the mutation's `userErrors.code`.
 */
export const REGISTER_USER_ERROR_CODES = [
  "INVALID_EMAIL",
  "INVALID_PHONE",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_LONG",
  "EMAIL_TAKEN",
  "TOO_MANY_ATTEMPTS",
] as const;
export type RegisterUserErrorCode = (typeof REGISTER_USER_ERROR_CODES)[number];

export const LOG_IN_ERROR_CODES = [
  "INVALID_CREDENTIALS",
  "TWO_FACTOR_REQUIRED",
  "INVALID_TWO_FACTOR_CODE",
  "TOO_MANY_ATTEMPTS",
] as const;
export type LogInErrorCode = (typeof LOG_IN_ERROR_CODES)[number];

export const REFRESH_SESSION_ERROR_CODES = ["INVALID_REFRESH_TOKEN"] as const;
export type RefreshSessionErrorCode = (typeof REFRESH_SESSION_ERROR_CODES)[number];

export const LOG_OUT_ERROR_CODES = ["NOT_SIGNED_IN"] as const;
export type LogOutErrorCode = (typeof LOG_OUT_ERROR_CODES)[number];

export const START_TWO_FACTOR_SETUP_ERROR_CODES = [
  "INVALID_PASSWORD",
  "TWO_FACTOR_ALREADY_ENABLED",
  "TOO_MANY_ATTEMPTS",
] as const;
export type StartTwoFactorSetupErrorCode = (typeof START_TWO_FACTOR_SETUP_ERROR_CODES)[number];

export const CONFIRM_TWO_FACTOR_SETUP_ERROR_CODES = [
  "TWO_FACTOR_NOT_STARTED",
  "INVALID_TWO_FACTOR_CODE",
  "TOO_MANY_ATTEMPTS",
] as const;
export type ConfirmTwoFactorSetupErrorCode = (typeof CONFIRM_TWO_FACTOR_SETUP_ERROR_CODES)[number];

export const DISABLE_TWO_FACTOR_ERROR_CODES = [
  "INVALID_PASSWORD",
  "INVALID_TWO_FACTOR_CODE",
  "TWO_FACTOR_NOT_ENABLED",
  "TOO_MANY_ATTEMPTS",
] as const;
export type DisableTwoFactorErrorCode = (typeof DISABLE_TWO_FACTOR_ERROR_CODES)[number];

export const CONFIRM_SECOND_FACTOR_ERROR_CODES = [
  "SECOND_FACTOR_REQUIRED",
  "INVALID_TWO_FACTOR_CODE",
  "TOO_MANY_ATTEMPTS",
] as const;
export type ConfirmSecondFactorErrorCode = (typeof CONFIRM_SECOND_FACTOR_ERROR_CODES)[number];

export const CHANGE_USER_ROLE_ERROR_CODES = [
  "USER_NOT_FOUND",
  "CANNOT_CHANGE_OWN_ROLE",
  ...STEP_UP_ERROR_CODES,
] as const;
export type ChangeUserRoleErrorCode = (typeof CHANGE_USER_ROLE_ERROR_CODES)[number];

export const CREATE_ADMINISTRATOR_ERROR_CODES = [
  "INVALID_EMAIL",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_LONG",
] as const;
export type CreateAdministratorErrorCode = (typeof CREATE_ADMINISTRATOR_ERROR_CODES)[number];
