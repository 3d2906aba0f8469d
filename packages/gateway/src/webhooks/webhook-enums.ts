import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventType, string>> = {
  SERVER_STATUS_CHANGED:
    "A server of yours moved to another status (data: serverId, status, previousStatus, reason).",
  PAYMENT_SUCCEEDED:
    "A wallet top-up was paid and credited (data: paymentId, amount in rials). Not sent yet.",
  INVOICE_ISSUED: "A monthly invoice was issued (data: invoiceId, number, total in rials). Not sent yet.",
  BALANCE_LOW:
    "Your wallet's balance is running low and a notice was sent (data: balance in rials), once per dunning episode.",
};

const STATUS_DESCRIPTIONS: Readonly<Record<WebhookDeliveryStatus, string>> = {
  PENDING: "Not answered with 2xx yet; retried with backoff for a day from the event.",
  SUCCEEDED: "The endpoint answered 2xx.",
  FAILED: "Every attempt for a day failed, or the endpoint was disabled; `redeliverWebhook` sends it again.",
};

export const WebhookEventTypeEnum = Object.fromEntries(WEBHOOK_EVENT_TYPES.map((t) => [t, t])) as Record<
  WebhookEventType,
  WebhookEventType
>;
registerEnumType(WebhookEventTypeEnum, {
  name: "WebhookEventType",
  description: "What a webhook endpoint may subscribe to.",
  valuesConfig: Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((t) => [t, { description: EVENT_DESCRIPTIONS[t] }]),
  ),
});

export const WebhookDeliveryStatusEnum = Object.fromEntries(
  WEBHOOK_DELIVERY_STATUSES.map((s) => [s, s]),
) as Record<WebhookDeliveryStatus, WebhookDeliveryStatus>;
registerEnumType(WebhookDeliveryStatusEnum, {
  name: "WebhookDeliveryStatus",
  description: "Where a webhook delivery stands.",
  valuesConfig: Object.fromEntries(
    WEBHOOK_DELIVERY_STATUSES.map((s) => [s, { description: STATUS_DESCRIPTIONS[s] }]),
  ),
});
