/**
 * Open WebSockets per key (a user, a client address), so that one client cannot hold hundreds of
 * sockets each with its subscriptions and streams in memory.
 */
export class ConnectionQuota {
  readonly #open = new Map<string, number>();

  constructor(readonly limit: number) {}

  isFull(key: string): boolean {
    return (this.#open.get(key) ?? 0) >= this.limit;
  }

  /** A release function for the connection counted, or null when `key` is at its limit. */
  take(key: string): (() => void) | null {
    const open = this.#open.get(key) ?? 0;
    if (open >= this.limit) return null;
    this.#open.set(key, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.#open.get(key)! - 1;
      if (left === 0) this.#open.delete(key);
      else this.#open.set(key, left);
    };
  }
}
