import type { NotificationRepository, StoredNotification } from "@peykarband/application";
import type { Language, NoticeKind, NotificationChannel } from "@peykarband/domain";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { notifications } from "../database/schema.ts";

type Row = typeof notifications.$inferSelect;

const toNotification = (row: Row): StoredNotification => ({
  id: row.id,
  userId: row.userId,
  kind: row.kind as NoticeKind,
  channel: row.channel as NotificationChannel,
  language: row.language as Language,
  recipient: row.recipient,
  subject: row.subject,
  body: row.body,
  dedupeKey: row.dedupeKey,
  createdAt: row.createdAt,
  sentAt: row.sentAt,
  attempts: row.attempts,
  lastError: row.lastError,
  providerMessageId: row.providerMessageId,
});

export class DrizzleNotificationRepository implements NotificationRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<StoredNotification | null> {
    const [row] = await this.db.select().from(notifications).where(eq(notifications.id, id));
    return row ? toNotification(row) : null;
  }

  async recordAttempt(id: string, error: string | null): Promise<void> {
    await this.db
      .update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1`, ...(error === null ? {} : { lastError: error }) })
      .where(eq(notifications.id, id));
  }

  async markSent(id: string, at: Date, providerMessageId: string): Promise<boolean> {
    const marked = await this.db
      .update(notifications)
      .set({ sentAt: at, providerMessageId })
      .where(and(eq(notifications.id, id), isNull(notifications.sentAt)))
      .returning({ id: notifications.id });
    return marked.length === 1;
  }

  async recent(limit: number): Promise<StoredNotification[]> {
    const rows = await this.db
      .select()
      .from(notifications)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
    return rows.map(toNotification);
  }
}
