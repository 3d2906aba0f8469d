import { STEP_UP_ERROR_CODES } from "../accounts/step-up.ts";

export const WAIVE_USAGE_ERROR_CODES = [
  "SERVER_NOT_FOUND",
  "INVALID_AMOUNT",
  "INVALID_REASON",
  "INVALID_IDEMPOTENCY_KEY",
  "IDEMPOTENCY_KEY_REUSED",
  /** More than the server has accrued so far. */
  "AMOUNT_EXCEEDS_USAGE",
  ...STEP_UP_ERROR_CODES,
] as const;
export type WaiveUsageErrorCode = (typeof WAIVE_USAGE_ERROR_CODES)[number];
