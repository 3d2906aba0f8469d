export * from "./client.ts";
export * from "./errors.ts";
export * from "./generated/sdk.ts";
export type { PeykarbandOperations } from "./idempotency.ts";
export type { RetryOptions } from "./retry.ts";
export type { SessionTokens } from "./session.ts";
export * from "./user-error-codes.ts";
export * from "./verify-webhook.ts";
export type { ServerStatusEvent } from "./watch-server-status.ts";
