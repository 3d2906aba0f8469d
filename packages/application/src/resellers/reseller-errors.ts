/**
 * The closed set of expected failures of each reseller use case; the gateway turns each list into
 * the GraphQL enum of its mutation's `userErrors.code`.
 */
export const CREATE_CUSTOMER_ERROR_CODES = [
  "INVALID_EMAIL",
  "INVALID_PHONE",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_LONG",
  "EMAIL_TAKEN",
] as const;
export type CreateCustomerErrorCode = (typeof CREATE_CUSTOMER_ERROR_CODES)[number];

export const TRANSFER_TO_CUSTOMER_ERROR_CODES = [
  /** No such user, or not a customer of the viewer (the same answer, so ids of others reveal nothing). */
  "CUSTOMER_NOT_FOUND",
  "INVALID_AMOUNT",
  "INVALID_IDEMPOTENCY_KEY",
  "IDEMPOTENCY_KEY_REUSED",
  /** The reseller's wallet does not cover the transfer; nothing moved. */
  "INSUFFICIENT_FUNDS",
] as const;
export type TransferToCustomerErrorCode = (typeof TRANSFER_TO_CUSTOMER_ERROR_CODES)[number];

export const SET_RESELLER_MARKUP_ERROR_CODES = ["INVALID_MARKUP"] as const;
export type SetResellerMarkupErrorCode = (typeof SET_RESELLER_MARKUP_ERROR_CODES)[number];

/** What a customerId on another input answers when it names no customer of the viewer. */
export type CustomerNotFound = "CUSTOMER_NOT_FOUND";
