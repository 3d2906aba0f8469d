import type { ServerStatusChange } from "@peykarband/domain";

/**
 * Where stored status changes are announced, after they commit: Redis pub/sub in production, in
 * process in the embedded mode. Best effort: a lost message is healed by subscribers, which open
 * with the stored state and drop anything not newer than the version they hold.
 */
export interface ServerStatusPublisher {
  publish(change: ServerStatusChange): Promise<void>;
}

/** The subscribing side, for the gateway: every change of one user's servers, as they come. */
export interface ServerStatusFeed {
  /**
   * Resolves once changes published from now on will be delivered (Redis: SUBSCRIBE acknowledged),
   * so a caller can read the stored state after it without a gap.
   */
  subscribe(userId: string): Promise<AsyncIterableIterator<ServerStatusChange>>;
}
