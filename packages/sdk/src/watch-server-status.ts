import {
  ServerStatusChangedDocument,
  type ServerQuery,
  type ServerStatusChangedSubscription,
} from "./generated/sdk.ts";

/** One event of `serverStatusChanged`: the server's status, where it came from, and the server. */
export type ServerStatusEvent = ServerStatusChangedSubscription["serverStatusChanged"];

/** What {@link watchServerStatus} needs from the client. */
export interface ServerStatusSources {
  subscribe(
    document: typeof ServerStatusChangedDocument,
    variables: { serverId: string },
  ): AsyncIterableIterator<ServerStatusChangedSubscription>;
  /** Reads the server over HTTP. */
  server(id: string, signal?: AbortSignal): Promise<ServerQuery["server"]>;
  /** Calls back each time the WebSocket is connected again after a loss; returns the unsubscriber. */
  onReconnected(listener: () => void): () => void;
}

/**
 * One server's status as a stream that survives connection losses: the WebSocket client
 * reconnects and subscribes again, and before the new stream is read, the server's current state
 * is fetched over HTTP and yielded if it changed meanwhile, so a change made while disconnected is
 * never missed. Opening events that restate what was yielded already are skipped.
 */
export function watchServerStatus(
  sources: ServerStatusSources,
  serverId: string,
  signal?: AbortSignal,
): AsyncIterableIterator<ServerStatusEvent> {
  const events = sources.subscribe(ServerStatusChangedDocument, { serverId });
  let last: ServerStatusEvent["status"] | null = null;
  let resyncRequested = false;
  let wake = () => {};
  let woken = new Promise<void>((resolve) => (wake = resolve));
  let pending: Promise<IteratorResult<ServerStatusChangedSubscription>> | null = null;
  let stopped = false;

  const stopListening = sources.onReconnected(() => {
    resyncRequested = true;
    wake();
  });
  const stop = async (): Promise<IteratorReturnResult<undefined>> => {
    stopped = true;
    stopListening();
    signal?.removeEventListener("abort", onAbort);
    wake();
    await events.return?.();
    return { done: true, value: undefined };
  };
  const onAbort = () => void stop();
  signal?.addEventListener("abort", onAbort, { once: true });

  const resync = async (): Promise<ServerStatusEvent | null> => {
    const server = await sources.server(serverId, signal);
    if (!server || server.status === last) return null;
    return { status: server.status, previousStatus: last, occurredAt: server.updatedAt, server };
  };

  const iterator: AsyncIterableIterator<ServerStatusEvent> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      for (;;) {
        if (stopped || signal?.aborted) return stop();
        if (resyncRequested) {
          resyncRequested = false;
          const current = await resync();
          if (current) return yielded(current);
          continue;
        }
        pending ??= events.next();
        const next = await Promise.race([woken.then(() => null), pending]);
        if (next === null) {
          woken = new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        pending = null;
        if (next.done) return stop();
        const event = next.value.serverStatusChanged;
        if (event.previousStatus === null && event.status === last) continue;
        return yielded(event);
      }
    },
    return: stop,
  };
  const yielded = (event: ServerStatusEvent): IteratorYieldResult<ServerStatusEvent> => {
    last = event.status;
    return { done: false, value: event };
  };
  return iterator;
}
