/**
 * One customer's way from a low balance to a paid one or to deleted servers. At most one is open
 * per customer; each stage is entered once, which is what makes every notice go out once.
 *
 * WARNED: told the balance runs low. GRACE: it ran out; servers still run until `graceEndsAt`.
 * SUSPENDED: servers powered off until `terminatesAt`. TERMINATING: their deletion is requested.
 * RESUMING: the debt is paid; suspended servers are being powered on.
 */
export const DUNNING_STAGES = ["WARNED", "GRACE", "SUSPENDED", "TERMINATING", "RESUMING"] as const;
export type DunningStage = (typeof DUNNING_STAGES)[number];

export interface DunningEpisode {
  readonly id: string;
  readonly userId: string;
  readonly stage: DunningStage;
  readonly openedAt: Date;
  readonly graceEndsAt: Date | null;
  readonly terminatesAt: Date | null;
  readonly terminationWarnedAt: Date | null;
}
