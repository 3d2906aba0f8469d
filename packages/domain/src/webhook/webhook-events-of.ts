import type { Rial } from "../money/rial.ts";
import type { ServerStatusChange } from "../server/server.ts";
import { toGlobalId } from "../shared/global-id.ts";
import type { WebhookEvent } from "./webhook-event.ts";

/** One id per cause, opaque like the API's ids: the same cause recorded twice is the same event. */
const eventId = (cause: string): string => toGlobalId("WebhookEvent", cause);

/** A server moved to another status (its history row, as `serverStatusChanged` sends it). */
export const serverStatusChangedEvent = (change: ServerStatusChange): WebhookEvent => ({
  id: eventId(`SERVER_STATUS_CHANGED:${change.serverId}:${change.version}`),
  type: "SERVER_STATUS_CHANGED",
  userId: change.userId,
  occurredAt: change.occurredAt,
  data: {
    serverId: toGlobalId("Server", change.serverId),
    status: change.status,
    previousStatus: change.previousStatus,
    reason: change.reason,
  },
});

/** Dunning warned a customer that their wallet is running low: once per dunning episode. */
export const balanceLowEvent = (warning: {
  readonly userId: string;
  readonly episodeId: string;
  readonly occurredAt: Date;
  /** In rials. */
  readonly balance: bigint;
}): WebhookEvent => ({
  id: eventId(`BALANCE_LOW:${warning.episodeId}`),
  type: "BALANCE_LOW",
  userId: warning.userId,
  occurredAt: warning.occurredAt,
  data: { balance: warning.balance.toString() },
});

/** A top-up was paid and credited to the wallet: once per payment. */
export const paymentSucceededEvent = (payment: {
  readonly id: string;
  readonly userId: string;
  readonly amount: Rial;
  readonly paidAt: Date;
}): WebhookEvent => ({
  id: eventId(`PAYMENT_SUCCEEDED:${payment.id}`),
  type: "PAYMENT_SUCCEEDED",
  userId: payment.userId,
  occurredAt: payment.paidAt,
  data: { paymentId: toGlobalId("Payment", payment.id), amount: payment.amount.toString() },
});

/** A monthly invoice was issued: once per invoice. */
export const invoiceIssuedEvent = (invoice: {
  readonly id: string;
  readonly userId: string;
  readonly number: string;
  /** In rials, VAT included. */
  readonly totalRials: bigint;
  readonly issuedAt: Date;
}): WebhookEvent => ({
  id: eventId(`INVOICE_ISSUED:${invoice.id}`),
  type: "INVOICE_ISSUED",
  userId: invoice.userId,
  occurredAt: invoice.issuedAt,
  data: {
    invoiceId: toGlobalId("Invoice", invoice.id),
    number: invoice.number,
    total: invoice.totalRials.toString(),
  },
});
