import type { Language, NoticeKind, NotificationChannel } from "@peykarband/domain";

/** The job that sends one stored notification. */
export const NOTIFICATION_JOB_NAME = "notifications.send";

export interface NotificationJobData {
  readonly notificationId: string;
}

/** Where and in which language a user is told. */
export interface NoticeContact {
  readonly email: string;
  readonly phone: string | null;
  readonly language: Language;
}

/** A message in the outbox, rendered in the customer's language when it was written. */
export interface OutgoingNotification {
  readonly id: string;
  readonly userId: string;
  readonly kind: NoticeKind;
  readonly channel: NotificationChannel;
  readonly language: Language;
  /** An email address or an E.164 mobile number. */
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  /** The same notice for the same cause is written once. */
  readonly dedupeKey: string;
  readonly createdAt: Date;
}

export interface StoredNotification extends OutgoingNotification {
  readonly sentAt: Date | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly providerMessageId: string | null;
}

/** The outbox's reads and the sender's bookkeeping. Notifications are written with their cause. */
export interface NotificationRepository {
  findById(id: string): Promise<StoredNotification | null>;
  /** Counts an attempt; the message when it failed. */
  recordAttempt(id: string, error: string | null): Promise<void>;
  /** Sets `sentAt` once; false when it was already set (a re-run after a lost acknowledgement). */
  markSent(id: string, at: Date, providerMessageId: string): Promise<boolean>;
  /** Newest first: the sandbox outbox page. */
  recent(limit: number): Promise<StoredNotification[]>;
}
