/**
 * How many operations one WebSocket may start per second: a fixed one-second window, so a client
 * may burst to the whole budget and then waits for the next second. The clock is injected so the
 * tests need not race the real one.
 */
export class OperationBudget {
  #windowStart = Number.NEGATIVE_INFINITY;
  #spent = 0;

  constructor(
    readonly perSecond: number,
    private readonly nowMs: () => number,
  ) {}

  /** Counts one operation; false when this second's budget is already spent. */
  spend(): boolean {
    const now = this.nowMs();
    if (now - this.#windowStart >= 1000) {
      this.#windowStart = now;
      this.#spent = 0;
    }
    if (this.#spent >= this.perSecond) return false;
    this.#spent++;
    return true;
  }
}
