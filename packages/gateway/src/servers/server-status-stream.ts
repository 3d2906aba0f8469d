import type { ServerStatusStream } from "@peykarband/application";
import type { ServerStatusChange } from "@peykarband/domain";
import type { ServerStatusEventSource } from "./server-status-event.type.ts";

/** One event object per change, whoever receives it: shared subscribers are executed once (shared-subscribe.ts). */
const events = new WeakMap<ServerStatusChange, ServerStatusEventSource>();

function eventOf(change: ServerStatusChange): ServerStatusEventSource {
  let event = events.get(change);
  if (!event) {
    event = {
      serverId: change.serverId,
      status: change.status,
      previousStatus: change.previousStatus,
      occurredAt: change.occurredAt,
      server: change.server ?? null,
    };
    events.set(change, event);
  }
  return event;
}

/**
 * The stream a subscriber gets: one event per server it may watch, as stored, then every change.
 *
 * Written as an iterator rather than an async generator on purpose: a generator suspended in
 * `await changes.next()` cannot be returned until a change arrives, so a client that stops
 * watching a quiet server would leak its feed subscription. Here `return` closes the feed at once.
 */
export function serverStatusEvents(
  stream: ServerStatusStream,
  onClose: () => void,
): AsyncIterableIterator<ServerStatusEventSource> {
  const opening: ServerStatusEventSource[] = stream.initial.map((server) => ({
    serverId: server.id,
    status: server.status,
    previousStatus: null,
    occurredAt: server.updatedAt,
    server,
  }));
  let closed = false;
  const close = async (): Promise<IteratorReturnResult<undefined>> => {
    if (!closed) {
      closed = true;
      onClose();
      await stream.changes.return?.();
    }
    return { done: true, value: undefined };
  };

  const iterator: AsyncIterableIterator<ServerStatusEventSource> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      if (closed) return { done: true, value: undefined };
      const first = opening.shift();
      if (first) return { done: false, value: first };
      const next = await stream.changes.next();
      if (next.done || closed) return close();
      return { done: false, value: eventOf(next.value) };
    },
    return: close,
    async throw(error: unknown) {
      await close();
      throw error;
    },
  };
  return iterator;
}
