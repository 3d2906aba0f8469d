import {
  ServerStatusChangedDocument,
  type PeykarbandClient,
  type ServerStatusChangedSubscription,
} from "@peykarband/sdk";

export type StatusEvent = ServerStatusChangedSubscription["serverStatusChanged"];

/** A `serverStatusChanged` stream read in the background, as a dashboard would, for assertions. */
export interface StatusRecording {
  /** Every event so far, oldest first. */
  readonly events: readonly StatusEvent[];
  /** The statuses of one server's events (all servers' without an id), oldest first. */
  statuses(serverId?: string): string[];
  /** The first event matching, as soon as it arrives; fails on timeout or when the stream ends. */
  waitFor(match: (event: StatusEvent) => boolean, what: string, timeoutMs?: number): Promise<StatusEvent>;
  /** Completes the subscription. */
  stop(): Promise<void>;
}

/** Subscribes over the client's graphql-ws socket: one server with `serverId`, else all of the viewer's. */
export function recordStatuses(client: PeykarbandClient, serverId?: string): StatusRecording {
  const stream = client.subscribe<ServerStatusChangedSubscription>(
    ServerStatusChangedDocument,
    serverId === undefined ? {} : { serverId },
  );
  const events: StatusEvent[] = [];
  let ended: { reason: string } | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  void (async () => {
    try {
      for (;;) {
        const item = await stream.next();
        if (item.done) break;
        events.push(item.value.serverStatusChanged);
        notify();
      }
      ended = { reason: "the stream completed" };
    } catch (error) {
      ended = { reason: `the stream failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    notify();
  })();

  return {
    events,
    statuses: (id) => events.filter((e) => id === undefined || e.server.id === id).map((e) => e.status),
    waitFor(match, what, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) finish(() => resolve(found));
          else if (ended) finish(() => reject(new Error(`waiting for ${what}: ${ended!.reason}`)));
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(
                new Error(
                  `waiting for ${what}: none in ${timeoutMs} ms; seen ${JSON.stringify(
                    events.map((e) => [e.server.name, e.status]),
                  )}`,
                ),
              ),
            ),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      await stream.return?.();
    },
  };
}

/** The statuses of a server's stream are the tail of `expected` from wherever the stream opened. */
export function tailFrom(expected: readonly string[], first: string | undefined): string[] {
  const start = first === undefined ? -1 : expected.indexOf(first);
  return start < 0 ? [...expected] : expected.slice(start);
}
