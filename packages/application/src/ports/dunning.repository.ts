import type { DunningEpisode, DunningStage } from "@peykarband/domain";
import type { NoticeContact, OutgoingNotification } from "./notification.repository.ts";

/**
 * A stage change of an episode, as compare-and-set: it applies only while the episode is still in
 * `from` (null: the customer has no open episode, and one is opened with `episodeId`).
 */
export interface EpisodeMove {
  readonly userId: string;
  readonly episodeId: string;
  readonly from: DunningStage | null;
  /** "CLOSED" ends the episode. */
  readonly to: DunningStage | "CLOSED";
  readonly at: Date;
  readonly graceEndsAt?: Date;
  readonly terminatesAt?: Date;
  /** The last warning before deletion; applies only while none was sent. */
  readonly terminationWarned?: boolean;
  /** Written with their `notifications.send` jobs in the same transaction as the move. */
  readonly notifications: readonly OutgoingNotification[];
}

/** Dunning's state (docs/billing.md, Dunning). */
export interface DunningRepository {
  /** Customers with a server that may still accrue, or with an open episode. */
  customers(): Promise<string[]>;
  openEpisode(userId: string): Promise<DunningEpisode | null>;
  contact(userId: string): Promise<NoticeContact>;
  /**
   * ONE transaction: the move, its notifications and their jobs. False when the episode was no
   * longer in `from` (another run made this move first): nothing was written.
   */
  move(move: EpisodeMove): Promise<boolean>;
}
