import type { ServerStatusFeed, ServerStatusPublisher } from "@peykarband/application";
import type { ServerStatusChange } from "@peykarband/domain";
import { RedisPubSub } from "graphql-redis-subscriptions";
import { PubSub, type PubSubEngine } from "graphql-subscriptions";

import { EventEmitter } from "node:events";
import { ServerStatusSubscription } from "./pubsub-subscription.ts";
import { openRedisConnections } from "./redis-connections.ts";
import { toWire } from "./server-status.wire.ts";

/** Both ports over one engine, so the embedded mode and production run the same code. */
export interface ServerStatusPubSub extends ServerStatusPublisher, ServerStatusFeed {
  subscribe(userId: string): Promise<ServerStatusSubscription>;
  /** Ends every subscription's deliveries; with Redis, quits both connections. */
  close(): Promise<void>;
}

export interface ServerStatusPubSubOptions {
  /** Prefixes every channel, so deployments sharing a Redis never hear each other. */
  readonly deployment: string;
  /** Failed publishes (best effort: they never fail the caller), lost connections, stray messages. */
  readonly onError: (error: Error) => void;
}

/** `<deployment>.server-status.<userId>`: one channel per user, what the feed subscribes to. */
export const serverStatusChannel = (deployment: string, userId: string): string =>
  `${deployment}.server-status.${userId}`;

function overEngine(
  engine: PubSubEngine,
  options: ServerStatusPubSubOptions,
  closeEngine: () => Promise<void>,
): ServerStatusPubSub {
  if (!/^[A-Za-z0-9_-]+$/.test(options.deployment))
    throw new Error("the deployment name is letters, digits, dashes and underscores");
  let closing: Promise<void> | null = null;
  return {
    async publish(change: ServerStatusChange) {
      // Dates are not JSON: the wire form is, and every subscriber parses it back.
      await engine
        .publish(serverStatusChannel(options.deployment, change.userId), toWire(change))
        .catch((error: unknown) =>
          options.onError(error instanceof Error ? error : new Error(String(error))),
        );
    },
    async subscribe(userId: string) {
      const subscription = new ServerStatusSubscription(
        engine,
        serverStatusChannel(options.deployment, userId),
        options.onError,
      );
      try {
        await subscription.subscribed;
      } catch (error) {
        await subscription.return();
        throw error;
      }
      return subscription;
    },
    close() {
      closing ??= closeEngine();
      return closing;
    },
  };
}

/** The embedded mode: one process, no Redis. */
export function inProcessServerStatusPubSub(options: ServerStatusPubSubOptions): ServerStatusPubSub {
  // One listener per subscription on a user's channel: the per-socket cap bounds them, not Node's
  // default warning threshold of 10.
  const eventEmitter = new EventEmitter();
  eventEmitter.setMaxListeners(0);
  return overEngine(new PubSub({ eventEmitter }), options, async () => undefined);
}

/**
 * Production: Redis pub/sub across every gateway and worker process (connections as
 * `openRedisConnections` opens them).
 */
export async function openRedisServerStatusPubSub(
  options: ServerStatusPubSubOptions & { readonly redisUrl: string },
): Promise<ServerStatusPubSub> {
  const { publisher, subscriber, stopReporting } = await openRedisConnections(
    options.redisUrl,
    `${options.deployment}-status`,
    options.onError,
  );
  const engine = new RedisPubSub({ publisher, subscriber });
  return overEngine(engine, options, async () => {
    await engine.close();
    stopReporting();
  });
}
