import type { NotificationRepository, StoredNotification } from "../ports/notification.repository.ts";

/** The newest notifications, sent or not, for the sandbox's outbox page (never served outside sandbox mode). */
export function sandboxOutbox(
  deps: { notifications: Pick<NotificationRepository, "recent"> },
  input: { limit: number },
): Promise<StoredNotification[]> {
  return deps.notifications.recent(Math.min(Math.max(input.limit, 1), 200));
}
