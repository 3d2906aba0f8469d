import type { ServerMeter } from "@peykarband/domain";

/**
 * The servers' meters and their settlement (docs/billing.md). Meters are opened, split and closed
 * by ServerRepository with the server's own changes, in the same transaction; this port reads them
 * and settles them.
 */
export interface BillingRepository {
  /**
   * Posts every due meter's usage up to `until` to the ledger (all meters, or those of
   * `serverIds`), set-wise, in one transaction. Safe to run twice and side by side: each window
   * of each server is posted once. Returns how many postings it wrote.
   */
  settle(until: Date, serverIds?: readonly string[]): Promise<number>;
  /** In the order of `serverIds`; null where a server has no meter. */
  meters(serverIds: readonly string[]): Promise<(ServerMeter | null)[]>;
  /** The user's meters that may still accrue or settle (not void, not finally settled). */
  openMeters(userId: string): Promise<ServerMeter[]>;
}
