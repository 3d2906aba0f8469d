import { EventEmitter } from "node:events";
import { openRedisConnections } from "../pubsub/redis-connections.ts";

/** Drop the cached reads of one session, of every session of one user, or all of them. */
export type SessionEviction =
  { readonly sessionId: string } | { readonly userId: string } | { readonly everything: true };

/**
 * Carries evictions of the session cache (session-cache.ts) to every process of the deployment,
 * so a logout, a revocation or a role change is in force on all gateways at once, not after the
 * cache's TTL. The TTL remains the bound only when a message is lost (Redis unreachable).
 */
export interface SessionEvictionBus {
  /** Best effort: a failure is reported to `onError`, never thrown to the revoking request. */
  publish(eviction: SessionEviction): Promise<void>;
  /** Calls `listener` for every eviction published by any process, this one included. */
  listen(listener: (eviction: SessionEviction) => void): void;
  close(): Promise<void>;
}

export interface SessionEvictionBusOptions {
  /** Prefixes the channel, so deployments sharing a Redis never hear each other. */
  readonly deployment: string;
  readonly onError: (error: Error) => void;
}

export const sessionEvictionChannel = (deployment: string): string => `${deployment}.session-evictions`;

/** Every bus of this process shares it: several apps (the tests) or adapter sets in one process. */
const inProcess = new EventEmitter().setMaxListeners(0);

/** The embedded mode and single-process runs: no Redis. */
export function inProcessSessionEvictionBus(): SessionEvictionBus {
  const listeners: ((eviction: SessionEviction) => void)[] = [];
  return {
    async publish(eviction) {
      inProcess.emit("eviction", eviction);
    },
    listen(listener) {
      listeners.push(listener);
      inProcess.on("eviction", listener);
    },
    async close() {
      for (const listener of listeners.splice(0)) inProcess.off("eviction", listener);
    },
  };
}

/**
 * Production: Redis pub/sub. Resolves once the subscription is acknowledged; rejects, having
 * closed both connections, when Redis does not answer at start.
 */
export async function openRedisSessionEvictionBus(
  options: SessionEvictionBusOptions & { readonly redisUrl: string },
): Promise<SessionEvictionBus> {
  const channel = sessionEvictionChannel(options.deployment);
  const { publisher, subscriber, stopReporting } = await openRedisConnections(
    options.redisUrl,
    `${options.deployment}-evict`,
    options.onError,
  );
  const listeners: ((eviction: SessionEviction) => void)[] = [];
  const deliver = (eviction: SessionEviction) => {
    for (const listener of listeners) listener(eviction);
  };
  try {
    await subscriber.subscribe(channel);
  } catch (error) {
    stopReporting();
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }
  subscriber.on("message", (from: string, text: string) => {
    if (from !== channel) return;
    const eviction = parseEviction(text);
    if (eviction) deliver(eviction);
    else options.onError(new Error("a session eviction message that is not one was dropped"));
  });
  // ioredis re-subscribes after a dropped connection; what was published meanwhile is lost, so
  // everything cached before is suspect.
  subscriber.on("ready", () => deliver({ everything: true }));
  return {
    async publish(eviction) {
      await publisher
        .publish(channel, JSON.stringify(eviction))
        .catch((error: unknown) =>
          options.onError(error instanceof Error ? error : new Error(String(error))),
        );
    },
    listen(listener) {
      listeners.push(listener);
    },
    async close() {
      listeners.length = 0;
      subscriber.removeAllListeners("message");
      await Promise.all([subscriber.quit(), publisher.quit()]).catch(() => undefined);
      stopReporting();
    },
  };
}

/** Redis when a URL is given, else in this process: the same code path either way. */
export function openSessionEvictionBus(
  options: SessionEvictionBusOptions & { readonly redisUrl: string | null },
): Promise<SessionEvictionBus> {
  return options.redisUrl
    ? openRedisSessionEvictionBus({ ...options, redisUrl: options.redisUrl })
    : Promise.resolve(inProcessSessionEvictionBus());
}

function parseEviction(text: string): SessionEviction | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record["sessionId"] === "string") return { sessionId: record["sessionId"] };
  if (typeof record["userId"] === "string") return { userId: record["userId"] };
  if (record["everything"] === true) return { everything: true };
  return null;
}
