import type { DunningRepository, EpisodeMove, NoticeContact } from "@peykarband/application";
import { balanceLowEvent, type DunningEpisode, type DunningStage } from "@peykarband/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { dunningEpisodes, serverMeters } from "../database/schema.ts";
import { noticeContact, writeNotification } from "../notifications/notification-outbox.write.ts";
import type { TransactionalJobSender } from "../servers/transaction.sql-executor.ts";
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

  contact(userId: string): Promise<NoticeContact> {
    return noticeContact(this.db, userId);
  }

  async move(move: EpisodeMove): Promise<boolean> {
    try {
      await this.db.transaction(async (tx) => {
        if (!(await this.moveEpisode(tx, move))) throw new Lost();
        for (const notification of move.notifications) await writeNotification(tx, this.jobs, notification);
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
}
