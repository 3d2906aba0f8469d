/** Tunables of the server flows; the gateway builds them from validated configuration. */
export interface ServerPolicy {
  /** Live servers (not DELETED, not FAILED) a user may have unless an ADMIN set their own limit. */
  readonly defaultQuota: number;
  readonly maxSshKeysPerServer: number;
  readonly maxSshKeysPerUser: number;
  /** The most servers one `serverStatusChanged` stream with no serverId follows. */
  readonly maxWatchedServers: number;
  /** The first wait between two polls of the provider; doubled each poll, with jitter. */
  readonly pollIntervalMs: number;
  /** The longest wait between two polls. */
  readonly maxPollIntervalMs: number;
  /** From the order on: a server not ACTIVE by then is FAILED, refunded and cleaned up. */
  readonly provisioningDeadlineMs: number;
  /** From the request on: an operation not done by then gives up and the server shows its real state. */
  readonly operationDeadlineMs: number;
  /**
   * The sweeper leaves a provider server alone while its server is this young and has no
   * providerServerId yet: its job is about to store the id. At least provisioningDeadlineMs, so
   * the sweeper never deletes what a job that is still allowed to run could adopt.
   */
  readonly orphanGraceMs: number;
}

export const defaultServerPolicy: ServerPolicy = {
  defaultQuota: 10,
  maxSshKeysPerServer: 10,
  maxSshKeysPerUser: 50,
  maxWatchedServers: 100,
  pollIntervalMs: 500,
  maxPollIntervalMs: 15_000,
  provisioningDeadlineMs: 15 * 60_000,
  operationDeadlineMs: 30 * 60_000,
  orphanGraceMs: 20 * 60_000,
};
