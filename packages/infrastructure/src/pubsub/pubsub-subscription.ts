import type { ServerStatusChange } from "@peykarband/domain";
import type { PubSubEngine } from "graphql-subscriptions";
import { fromWire } from "./server-status.wire.ts";

/**
 * One subscriber's stream of changes. Unlike graphql-subscriptions' own iterator, it subscribes as
 * soon as it is made, not at the first `next()`, and says when the engine has confirmed it
 * (`subscribed`): a stream that must have no gap subscribes, waits for that, and only then reads
 * the stored state.
 */
export class ServerStatusSubscription implements AsyncIterableIterator<ServerStatusChange> {
  /** Resolves once the engine delivers to this subscriber (Redis: SUBSCRIBE acknowledged). */
  readonly subscribed: Promise<void>;
  private readonly subscriptionId: Promise<number | null>;
  private readonly buffered: ServerStatusChange[] = [];
  private readonly waiting: {
    resolve: (result: IteratorResult<ServerStatusChange>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private failure: unknown = null;
  private finished = false;

  constructor(
    private readonly engine: PubSubEngine,
    channel: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.subscriptionId = engine
      .subscribe(channel, (message: unknown) => this.deliver(message), {})
      .then(
        (id) => id,
        (error: unknown) => {
          this.fail(error);
          return null;
        },
      );
    this.subscribed = this.subscriptionId.then((id) => {
      if (id === null) throw this.failure;
    });
    // Who does not await `subscribed` still learns of a failure from next(); no unhandled rejection.
    this.subscribed.catch(() => undefined);
  }

  next(): Promise<IteratorResult<ServerStatusChange>> {
    const change = this.buffered.shift();
    if (change) return Promise.resolve({ value: change, done: false });
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async return(): Promise<IteratorResult<ServerStatusChange>> {
    if (!this.finished) {
      this.finished = true;
      this.buffered.length = 0;
      for (const waiter of this.waiting.splice(0)) waiter.resolve({ value: undefined, done: true });
      const id = await this.subscriptionId;
      if (id !== null) await this.engine.unsubscribe(id);
    }
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<ServerStatusChange>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private deliver(message: unknown): void {
    if (this.finished) return;
    const change = fromWire(message);
    if (!change) {
      this.onError(new Error("a server status message that is not a change was dropped"));
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve({ value: change, done: false });
    else this.buffered.push(change);
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.onError(this.failure as Error);
    this.finished = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }
}
