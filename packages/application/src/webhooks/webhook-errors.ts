export const CREATE_WEBHOOK_ENDPOINT_ERROR_CODES = [
  "WEBHOOK_URL_INVALID",
  "WEBHOOK_URL_FORBIDDEN",
  "INVALID_EVENTS",
  "TOO_MANY_WEBHOOK_ENDPOINTS",
] as const;
export type CreateWebhookEndpointErrorCode = (typeof CREATE_WEBHOOK_ENDPOINT_ERROR_CODES)[number];

export const DELETE_WEBHOOK_ENDPOINT_ERROR_CODES = ["WEBHOOK_ENDPOINT_NOT_FOUND"] as const;
export type DeleteWebhookEndpointErrorCode = (typeof DELETE_WEBHOOK_ENDPOINT_ERROR_CODES)[number];

export const REDELIVER_WEBHOOK_ERROR_CODES = ["WEBHOOK_DELIVERY_NOT_FOUND"] as const;
export type RedeliverWebhookErrorCode = (typeof REDELIVER_WEBHOOK_ERROR_CODES)[number];
