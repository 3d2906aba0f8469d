export * from "./client.ts";
export * from "./generated/sdk.ts";
