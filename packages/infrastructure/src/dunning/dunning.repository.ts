import {
  NOTIFICATION_JOB_NAME,
  type DunningContact,
  type DunningRepository,
  type EpisodeMove,
  type OutgoingNotification,
} from "@peykarband/application";
import {
  balanceLowEvent,
  isLanguage,
  DEFAULT_LANGUAGE,
  type DunningEpisode,
  type DunningStage,
} from "@peykarband/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { dunningEpisodes, notifications, serverMeters, users } from "../database/schema.ts";
import { transactionSqlExecutor, type TransactionalJobSender } from "../servers/transaction.sql-executor.ts";
import type { Tx } from "../wallet/ledger-write.ts";
import { balanceOf } from "../wallet/ledger-read.ts";
import { writeWebhookDeliveries } from "../webhooks/webhook-event.writer.ts";

/** Thrown inside the transaction to roll it back: the episode was not in `from`. */
class Lost {}

export class DrizzleDunningRepository implements DunningRepository {
  constructor(
    private readonly db: Db,
    private readonly jobs: TransactionalJobSender,
  ) {}

  async customers(): Promise<string[]> {
    const rows = await this.db
      .select({ userId: serverMeters.userId })
      .from(serverMeters)
      .where(and(isNull(serverMeters.voidedAt), eq(serverMeters.settledFinal, false)))
      .union(
        this.db
          .select({ userId: dunningEpisodes.userId })
          .from(dunningEpisodes)
          .where(isNull(dunningEpisodes.closedAt)),
      );
    return rows.map((r) => r.userId);
  }

  async openEpisode(userId: string): Promise<DunningEpisode | null> {
    const [row] = await this.db
      .select()
      .from(dunningEpisodes)
      .where(and(eq(dunningEpisodes.userId, userId), isNull(dunningEpisodes.closedAt)));
    return row
      ? {
          id: row.id,
          userId: row.userId,
          stage: row.stage as DunningStage,
          openedAt: row.openedAt,
          graceEndsAt: row.graceEndsAt,
          terminatesAt: row.terminatesAt,
          terminationWarnedAt: row.terminationWarnedAt,
        }
      : null;
  }

  async contact(userId: string): Promise<DunningContact> {
    const [row] = await this.db
      .select({ email: users.email, phone: users.phone, language: users.language })
      .from(users)
      .where(eq(users.id, userId));
    if (!row) throw new Error(`dunning: no user ${userId}`);
    return {
      email: row.email,
      phone: row.phone,
      language: isLanguage(row.language) ? row.language : DEFAULT_LANGUAGE,
    };
  }

  async move(move: EpisodeMove): Promise<boolean> {
    try {
      await this.db.transaction(async (tx) => {
        if (!(await this.moveEpisode(tx, move))) throw new Lost();
        for (const notification of move.notifications) await this.enqueue(tx, notification);
        if (move.notifications.some((notification) => notification.kind === "WALLET_RUNNING_LOW")) {
          const balance = (await balanceOf(tx, move.userId)).amount;
          const warning = { userId: move.userId, episodeId: move.episodeId, occurredAt: move.at, balance };
          await writeWebhookDeliveries(tx, this.jobs, balanceLowEvent(warning));
        }
      });
      return true;
    } catch (error) {
      if (error instanceof Lost) return false;
      throw error;
    }
  }

  private async moveEpisode(tx: Tx, move: EpisodeMove): Promise<boolean> {
    if (move.from === null) {
      if (move.to === "CLOSED") throw new Error("dunning: cannot close an episode that is not open");
      // The partial unique index (one open episode per customer) makes a second opener lose.
      const opened = await tx
        .insert(dunningEpisodes)
        .values({
          id: move.episodeId,
          userId: move.userId,
          stage: move.to,
          openedAt: move.at,
          graceEndsAt: move.graceEndsAt ?? null,
          terminatesAt: move.terminatesAt ?? null,
          updatedAt: move.at,
        })
        .onConflictDoNothing()
        .returning({ id: dunningEpisodes.id });
      return opened.length === 1;
    }
    const moved = await tx
      .update(dunningEpisodes)
      .set({
        updatedAt: move.at,
        ...(move.to === "CLOSED" ? { closedAt: move.at } : { stage: move.to }),
        ...(move.graceEndsAt ? { graceEndsAt: move.graceEndsAt } : {}),
        ...(move.terminatesAt ? { terminatesAt: move.terminatesAt } : {}),
        ...(move.terminationWarned ? { terminationWarnedAt: move.at } : {}),
      })
      .where(
        and(
          eq(dunningEpisodes.id, move.episodeId),
          eq(dunningEpisodes.stage, move.from),
          isNull(dunningEpisodes.closedAt),
          move.terminationWarned ? isNull(dunningEpisodes.terminationWarnedAt) : sql`true`,
        ),
      )
      .returning({ id: dunningEpisodes.id });
    return moved.length === 1;
  }

  private async enqueue(tx: Tx, notification: OutgoingNotification): Promise<void> {
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
    const job = await this.jobs.sendWith(transactionSqlExecutor(tx), NOTIFICATION_JOB_NAME, {
      notificationId: notification.id,
    });
    // A notification without its job would never be sent: refuse the whole move instead.
    if (job === null)
      throw new Error(`job queue ${NOTIFICATION_JOB_NAME} refused the job (does the queue exist?)`);
  }
}
