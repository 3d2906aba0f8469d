export * from "./client.ts";
export * from "./generated/sdk.ts";
export * from "./verify-webhook.ts";
