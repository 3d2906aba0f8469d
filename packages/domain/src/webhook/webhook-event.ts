/** What a webhook endpoint may subscribe to; each delivery carries one of these as its `type`. */
export const WEBHOOK_EVENT_TYPES = [
  "SERVER_STATUS_CHANGED",
  "PAYMENT_SUCCEEDED",
  "INVOICE_ISSUED",
  "BALANCE_LOW",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/**
 * Something that happened to a user, as every endpoint of theirs subscribed to its type receives it.
 * `id` is derived from the cause (a server's status version, a payment's id), so recording the same
 * event twice yields one delivery per endpoint, not two.
 */
export interface WebhookEvent {
  readonly id: string;
  readonly type: WebhookEventType;
  readonly userId: string;
  readonly occurredAt: Date;
  /** Plain JSON: ids as the API's global ids, money as decimal strings of rials. */
  readonly data: Readonly<Record<string, string | number | boolean | null>>;
}

/** The JSON body POSTed for an event, exactly the bytes that are signed. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.occurredAt.toISOString(),
    data: event.data,
  });
}
