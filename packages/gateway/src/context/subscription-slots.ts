/**
 * Counts the subscriptions open on one WebSocket so a client cannot open thousands on one
 * socket: each is a feed subscription and a stream kept in memory.
 */
export class SubscriptionSlots {
  #open = 0;

  constructor(readonly limit: number) {}

  get open(): number {
    return this.#open;
  }

  /** A release function for the slot taken, or null when every slot is in use. */
  take(): (() => void) | null {
    if (this.#open >= this.limit) return null;
    this.#open++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#open--;
    };
  }
}
