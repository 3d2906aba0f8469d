/**
 * A simulated cloud's clock for tests: real time, except while a test holds it still to look at an
 * action in flight. On a loaded machine any real delay can pass between starting an action and
 * reading it; a held clock makes "still running" certain, and `release` lets it end at once.
 */
export class SimulatorClock {
  #heldAt: number | null = null;
  #skewMs = 0;

  /** Pass as a simulator's `now`. */
  readonly now = (): number => this.#heldAt ?? Date.now() + this.#skewMs;

  /** Stops the clock: actions started from now on stay in progress until `release`. */
  hold(): void {
    this.#heldAt = this.now();
  }

  /** Runs again from where it stood plus `advanceMs` (enough for the actions in flight to end). */
  release(advanceMs: number): void {
    const from = this.now();
    this.#heldAt = null;
    this.#skewMs = from + advanceMs - Date.now();
  }
}
