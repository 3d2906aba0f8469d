import type { WebhookEventType } from "./webhook-event.ts";

/** Every secret starts with this, so secret scanners can recognise a leaked one. */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** Where a user's events are POSTed. The signing secret is kept sealed, never in this value. */
export interface WebhookEndpoint {
  readonly id: string;
  readonly userId: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly createdAt: Date;
  /** Set when the endpoint failed for a whole day (or was deleted); nothing is delivered after. */
  readonly disabledAt: Date | null;
  readonly disabledReason: string | null;
  /** The first failed attempt since the last success; null while it answers. */
  readonly failingSince: Date | null;
}
