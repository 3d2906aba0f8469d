import { renderNotice, type Notice } from "@peykarband/domain";
import type { NoticeContact, OutgoingNotification } from "../ports/notification.repository.ts";
import type { IdGenerator } from "../ports/system.ts";

/**
 * The notice as an email, and as an SMS when the user gave a mobile number, in their language.
 * `cause` names what it is about (`dunning:<episode>`, `webhook-endpoint:<endpoint>`): with the
 * notice and the channel it is the dedupe key, so the same notice for the same cause is written once.
 */
export function noticeMessages(
  deps: { ids: IdGenerator },
  target: { userId: string; cause: string; contact: NoticeContact; at: Date },
  notice: Notice,
): OutgoingNotification[] {
  const { contact } = target;
  const rendered = renderNotice(notice, contact.language);
  const message = (channel: "EMAIL" | "SMS", recipient: string, body: string): OutgoingNotification => ({
    id: deps.ids.newId(),
    userId: target.userId,
    kind: notice.kind,
    channel,
    language: contact.language,
    recipient,
    subject: rendered.subject,
    body,
    dedupeKey: `${target.cause}:${notice.kind}:${channel}`,
    createdAt: target.at,
  });
  return [
    message("EMAIL", contact.email, rendered.body),
    ...(contact.phone ? [message("SMS", contact.phone, rendered.sms)] : []),
  ];
}
