import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";

type Push = (event: unknown) => void;

/**
 * graphql-ws over the real schema, with a `serverStatusChanged` that sends only what the test
 * publishes (no opening state), so the SDK's own re-read after a reconnect can be seen.
 */
export async function startStatusFeedServer() {
  const schema = buildSchema(
    readFileSync(join(import.meta.dirname, "../../../schema/schema.graphql"), "utf8"),
  );
  const subscribers = new Set<Push>();
  const field = schema.getSubscriptionType()!.getFields()["serverStatusChanged"]!;
  field.subscribe = () => feed(subscribers);
  field.resolve = (event: unknown) => event;

  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const disposable = useServer({ schema }, wss);
  const { port } = wss.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    subscriberCount: () => subscribers.size,
    publish: (event: unknown) => subscribers.forEach((push) => push(event)),
    /** Cuts every connection as a network failure would (no close frame). */
    dropConnections: () => wss.clients.forEach((socket) => socket.terminate()),
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function feed(subscribers: Set<Push>): AsyncIterableIterator<unknown> {
  const queued: unknown[] = [];
  let waiting: ((result: IteratorResult<unknown>) => void) | null = null;
  const push: Push = (event) => {
    if (waiting) {
      waiting({ done: false, value: event });
      waiting = null;
    } else queued.push(event);
  };
  subscribers.add(push);
  const iterator: AsyncIterableIterator<unknown> = {
    [Symbol.asyncIterator]: () => iterator,
    next: () =>
      queued.length > 0
        ? Promise.resolve({ done: false, value: queued.shift() })
        : new Promise((resolve) => (waiting = resolve)),
    return: () => {
      subscribers.delete(push);
      waiting?.({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return iterator;
}
