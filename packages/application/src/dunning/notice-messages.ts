import { renderNotice, type Notice } from "@peykarband/domain";
import type { DunningContact } from "../ports/dunning.repository.ts";
import type { OutgoingNotification } from "../ports/notification.repository.ts";
import type { IdGenerator } from "../ports/system.ts";

/** The notice as an email, and as an SMS when the customer gave a mobile number, in their language. */
export function noticeMessages(
  deps: { ids: IdGenerator },
  target: { userId: string; episodeId: string; contact: DunningContact; at: Date },
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
    dedupeKey: `dunning:${target.episodeId}:${notice.kind}:${channel}`,
    createdAt: target.at,
  });
  return [
    message("EMAIL", contact.email, rendered.body),
    ...(contact.phone ? [message("SMS", contact.phone, rendered.sms)] : []),
  ];
}
