import {
  isWebhookEventType,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEventType,
} from "@peykarband/domain";
import type { webhookDeliveries, webhookEndpoints } from "../database/schema.ts";

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

function eventType(value: string): WebhookEventType {
  if (!isWebhookEventType(value)) throw new Error(`stored webhook event type is unknown: ${value}`);
  return value;
}

export function toEndpoint({ sealedSecret: _, events, ...row }: EndpointRow): WebhookEndpoint {
  return { ...row, events: events.map(eventType) };
}

export const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  ...row,
  eventType: eventType(row.eventType),
  // The table's check holds it to the list.
  status: row.status as WebhookDeliveryStatus,
});
