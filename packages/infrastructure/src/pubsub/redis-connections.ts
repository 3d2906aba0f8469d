import { Redis } from "ioredis";
import { once } from "node:events";

/** A publishing and a subscribing connection to one Redis (a subscriber can do nothing else). */
export interface RedisConnections {
  readonly publisher: Redis;
  readonly subscriber: Redis;
  /** Stops reporting errors; the caller quits the connections its own way. */
  stopReporting(): void;
}

/**
 * Opens both and resolves once both are ready: ioredis may drop a SUBSCRIBE sent before `ready`,
 * silently. Rejects, having closed them, when Redis does not answer at start. After that a dropped
 * connection is reported to `onError` and ioredis reconnects (and re-subscribes).
 */
export async function openRedisConnections(
  url: string,
  name: string,
  onError: (error: Error) => void,
): Promise<RedisConnections> {
  const publisher = new Redis(url, { connectionName: `${name}-pub` });
  const subscriber = new Redis(url, { connectionName: `${name}-sub` });
  try {
    await Promise.all([once(publisher, "ready"), once(subscriber, "ready")]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }
  const report = (error: Error) => onError(error);
  publisher.on("error", report);
  subscriber.on("error", report);
  return {
    publisher,
    subscriber,
    stopReporting() {
      publisher.off("error", report);
      subscriber.off("error", report);
    },
  };
}
