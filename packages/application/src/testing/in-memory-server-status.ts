import type { ServerStatusChange } from "@peykarband/domain";
import type { ServerStatusFeed, ServerStatusPublisher } from "../ports/server-status-events.ts";

interface Subscriber {
  readonly userId: string;
  readonly queue: ServerStatusChange[];
  wake: (() => void) | null;
  closed: boolean;
}

/** In-process pub/sub of status changes, per owner, like the Redis channels. */
export class InMemoryServerStatusBus implements ServerStatusPublisher, ServerStatusFeed {
  readonly published: ServerStatusChange[] = [];
  private readonly subscribers = new Set<Subscriber>();
  /** Set to make `publish` throw, as a broken Redis would. */
  failPublishing = false;

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async publish(change: ServerStatusChange): Promise<void> {
    if (this.failPublishing) throw new Error("pub/sub is down");
    this.published.push(change);
    for (const subscriber of this.subscribers) {
      if (subscriber.userId !== change.userId) continue;
      subscriber.queue.push(change);
      subscriber.wake?.();
    }
  }

  async subscribe(userId: string): Promise<AsyncIterableIterator<ServerStatusChange>> {
    const subscriber: Subscriber = { userId, queue: [], wake: null, closed: false };
    this.subscribers.add(subscriber);
    const close = () => {
      subscriber.closed = true;
      this.subscribers.delete(subscriber);
      subscriber.wake?.();
    };
    const iterator: AsyncIterableIterator<ServerStatusChange> = {
      next: async () => {
        while (subscriber.queue.length === 0 && !subscriber.closed) {
          await new Promise<void>((resolve) => (subscriber.wake = resolve));
          subscriber.wake = null;
        }
        const value = subscriber.queue.shift();
        return value ? { done: false, value } : { done: true, value: undefined };
      },
      return: async () => {
        close();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
