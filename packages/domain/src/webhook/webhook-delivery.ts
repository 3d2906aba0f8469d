import type { WebhookEventType } from "./webhook-event.ts";

/** PENDING until an attempt is answered with 2xx (SUCCEEDED) or the retries run out (FAILED). */
export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "SUCCEEDED", "FAILED"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event on its way to one endpoint, with what its last attempt got back. */
export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly userId: string;
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  /** The JSON POSTed, exactly as signed; a redelivery sends it again. */
  readonly body: string;
  readonly createdAt: Date;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly lastAttemptAt: Date | null;
  /** The HTTP status of the last answer; null before any attempt or when nothing answered. */
  readonly responseStatus: number | null;
  readonly responseTimeMs: number | null;
  /** Why the last attempt failed without an answer (timeout, refused address); null otherwise. */
  readonly lastError: string | null;
  /** The delivery this one sends again (`redeliverWebhook`); null for the event's own delivery. */
  readonly redeliveryOf: string | null;
}

/** A 2xx answer; anything else, redirects included (they are not followed), is a failure. */
export const isWebhookSuccess = (status: number): boolean => status >= 200 && status < 300;
