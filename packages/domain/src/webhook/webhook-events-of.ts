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
