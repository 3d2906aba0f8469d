import {
  NOTIFICATION_JOB_NAME,
  type NoticeContact,
  type OutgoingNotification,
} from "@peykarband/application";
import { DEFAULT_LANGUAGE, isLanguage } from "@peykarband/domain";
import { eq } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { notifications, users } from "../database/schema.ts";
import { transactionSqlExecutor, type TransactionalJobSender } from "../servers/transaction.sql-executor.ts";
import type { Tx } from "../wallet/ledger-write.ts";

/**
 * Writes a notification to the outbox with its `notifications.send` job, inside the transaction of
 * its cause (docs/notifications.md, The outbox). A second write of the same dedupe key adds nothing.
 */
export async function writeNotification(
  tx: Tx,
  jobs: TransactionalJobSender,
  notification: OutgoingNotification,
): Promise<void> {
  const written = await tx
    .insert(notifications)
    .values({
      id: notification.id,
      userId: notification.userId,
      kind: notification.kind,
      channel: notification.channel,
      language: notification.language,
      recipient: notification.recipient,
      subject: notification.subject,
      body: notification.body,
      dedupeKey: notification.dedupeKey,
      createdAt: notification.createdAt,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  if (written.length === 0) return;
  const job = await jobs.sendWith(transactionSqlExecutor(tx), NOTIFICATION_JOB_NAME, {
    notificationId: notification.id,
  });
  // A notification without its job would never be sent: refuse the whole write instead.
  if (job === null)
    throw new Error(`job queue ${NOTIFICATION_JOB_NAME} refused the job (does the queue exist?)`);
}

/** Where and in which language the user is told. */
export async function noticeContact(db: Db, userId: string): Promise<NoticeContact> {
  const [row] = await db
    .select({ email: users.email, phone: users.phone, language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new Error(`notices: no user ${userId}`);
  return {
    email: row.email,
    phone: row.phone,
    language: isLanguage(row.language) ? row.language : DEFAULT_LANGUAGE,
  };
}
