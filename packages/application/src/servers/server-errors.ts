/**
 * The closed set of expected failures of each server use case; the gateway turns each list into the
 * GraphQL enum of its mutation's `userErrors.code`.
 */
const OWNERSHIP = [
  /** No such server, or not the viewer's (the same answer, so ids of others reveal nothing). */
  "SERVER_NOT_FOUND",
  /** The customerId names no customer of the viewer (a reseller acting for its customer). */
  "CUSTOMER_NOT_FOUND",
] as const;

const STATE = [
  /** The server's status does not allow this (reboot a DELETED server, power on an ACTIVE one). */
  "ILLEGAL_STATE",
  /** Another operation on this server has not finished yet. */
  "OPERATION_IN_PROGRESS",
] as const;

export const ORDER_SERVER_ERROR_CODES = [
  "CUSTOMER_NOT_FOUND",
  "INVALID_NAME",
  "INVALID_IDEMPOTENCY_KEY",
  "IDEMPOTENCY_KEY_REUSED",
  "PLAN_NOT_FOUND",
  "REGION_NOT_FOUND",
  "IMAGE_NOT_FOUND",
  /** The plan is not offered in the region, or the region, plan or provider is unavailable now. */
  "PLAN_UNAVAILABLE",
  /** The image is not offered by the region's provider. */
  "IMAGE_UNAVAILABLE",
  "SSH_KEY_NOT_FOUND",
  "TOO_MANY_SSH_KEYS",
  "QUOTA_EXCEEDED",
  "INSUFFICIENT_FUNDS",
] as const;
export type OrderServerErrorCode = (typeof ORDER_SERVER_ERROR_CODES)[number];

export const SERVER_ACTION_ERROR_CODES = [...OWNERSHIP, ...STATE] as const;
export type ServerActionErrorCode = (typeof SERVER_ACTION_ERROR_CODES)[number];

export const REBUILD_SERVER_ERROR_CODES = [
  ...OWNERSHIP,
  ...STATE,
  "IMAGE_NOT_FOUND",
  "IMAGE_UNAVAILABLE",
] as const;
export type RebuildServerErrorCode = (typeof REBUILD_SERVER_ERROR_CODES)[number];

export const RESIZE_SERVER_ERROR_CODES = [
  ...OWNERSHIP,
  ...STATE,
  "PLAN_NOT_FOUND",
  "PLAN_UNAVAILABLE",
  /** The new plan's disk is smaller than the current one: disks only grow. */
  "DISK_CANNOT_SHRINK",
  /** The new plan is the current one. */
  "SAME_PLAN",
  /** The wallet does not cover an hour of the new plan. */
  "INSUFFICIENT_FUNDS",
] as const;
export type ResizeServerErrorCode = (typeof RESIZE_SERVER_ERROR_CODES)[number];

export const SET_SERVER_QUOTA_ERROR_CODES = ["USER_NOT_FOUND", "INVALID_QUOTA"] as const;
export type SetServerQuotaErrorCode = (typeof SET_SERVER_QUOTA_ERROR_CODES)[number];
