import type { EmailSender } from "../ports/email-sender.ts";
import type { NotificationRepository } from "../ports/notification.repository.ts";
import type { SmsFailure, SmsSender } from "../ports/sms-sender.ts";
import type { Clock } from "../ports/system.ts";

export interface NotificationDeps {
  readonly notifications: NotificationRepository;
  readonly email: EmailSender;
  readonly sms: SmsSender;
  readonly clock: Clock;
}

/** Thrown so the job is retried as its queue says; the message is safe for logs. */
export class NotificationRetryError extends Error {
  override readonly name = "NotificationRetryError";
}

export type DeliveryReport =
  | { readonly status: "SENT"; readonly providerMessageId: string }
  /** Sent by an earlier run: nothing was sent again. */
  | { readonly status: "ALREADY_SENT" }
  /** Refused for good (a bad number, no credit): kept with the reason, not retried. */
  | { readonly status: "REFUSED"; readonly reason: string };

const RETRYABLE = new Set<SmsFailure["kind"]>(["UNAVAILABLE", "TIMEOUT", "INVALID_RESPONSE"]);

/**
 * The `notifications.send` job: sends one outbox row by its channel and marks it sent. A fault
 * worth another try throws, and the queue retries; a refusal is stored and ends the job.
 */
export async function deliverNotification(
  deps: NotificationDeps,
  job: { notificationId: string },
): Promise<DeliveryReport> {
  const notification = await deps.notifications.findById(job.notificationId);
  if (!notification) throw new Error(`notification ${job.notificationId} does not exist`);
  if (notification.sentAt) return { status: "ALREADY_SENT" };
  const result =
    notification.channel === "EMAIL"
      ? await deps.email.send({
          to: notification.recipient,
          subject: notification.subject,
          text: notification.body,
        })
      : await deps.sms.send({ receptor: notification.recipient, text: notification.body });
  if (!result.ok) {
    await deps.notifications.recordAttempt(notification.id, result.error.message);
    if (RETRYABLE.has(result.error.kind)) throw new NotificationRetryError(result.error.message);
    return { status: "REFUSED", reason: result.error.message };
  }
  const providerMessageId =
    "messageId" in result.value ? result.value.messageId : result.value.providerMessageId;
  await deps.notifications.recordAttempt(notification.id, null);
  const first = await deps.notifications.markSent(notification.id, deps.clock.now(), providerMessageId);
  return first ? { status: "SENT", providerMessageId } : { status: "ALREADY_SENT" };
}
