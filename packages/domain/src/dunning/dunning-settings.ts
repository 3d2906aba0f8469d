/** The windows of dunning (DUNNING_* settings; docs/operations.md). */
export interface DunningSettings {
  /** Warn when the balance is projected to run out within this long. Default 72 h. */
  readonly noticeWindowMs: number;
  /** From running out to suspension. Default 24 h. */
  readonly graceMs: number;
  /** From suspension to deletion. Default 7 days. */
  readonly terminateAfterMs: number;
  /** The last warning this long before deletion. Default 24 h. */
  readonly terminationWarningMs: number;
}

const HOUR_MS = 3_600_000;

export const DEFAULT_DUNNING_SETTINGS: DunningSettings = {
  noticeWindowMs: 72 * HOUR_MS,
  graceMs: 24 * HOUR_MS,
  terminateAfterMs: 7 * 24 * HOUR_MS,
  terminationWarningMs: 24 * HOUR_MS,
};
