/**
 * Reads of the same key share one database round trip, and every caller gets a read that starts
 * after its call: so a caller that must read after something it did first (a status stream
 * subscribes, then reads the opening state) still does. At most one read of a key runs at a time:
 * who asks while it runs waits for the next one, which starts once it is over (and no sooner than
 * the next turn of the event loop) and serves everyone who asked meanwhile. A reconnect storm of
 * 10,000 dashboards of one user then costs a read per read's duration, not a read per turn: on
 * PGlite, which runs one statement at a time, that was a read for every two subscriptions.
 */
export class SharedReads<T> {
  /** The read callers asking now will share: not started yet. */
  private readonly waiting = new Map<string, Promise<T>>();
  /** The read under way, which callers asking now are too late for. */
  private readonly running = new Map<string, Promise<T>>();

  read(key: string, load: () => Promise<T>): Promise<T> {
    const batch = this.waiting.get(key);
    if (batch) return batch;
    const previous = this.running.get(key);
    const next = (previous ? previous.then(nextTurn, nextTurn) : nextTurn()).then(() => {
      // Callers from here on wait for a read that starts after them.
      this.waiting.delete(key);
      this.running.set(key, next);
      return load();
    });
    this.waiting.set(key, next);
    const finished = () => {
      if (this.running.get(key) === next) this.running.delete(key);
    };
    next.then(finished, finished);
    return next;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
