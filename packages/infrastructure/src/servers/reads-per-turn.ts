/**
 * Reads of the same key asked for in one turn of the event loop share one database round trip,
 * which starts after every one of them was asked for (on the next turn). So a caller that must read
 * after something it did first (a status stream subscribes, then reads the opening state) still
 * reads after it: a reconnect storm of 10,000 dashboards of one user costs a few reads, not 10,000.
 */
export class ReadsPerTurn<T> {
  private readonly waiting = new Map<string, Promise<T>>();

  read(key: string, load: () => Promise<T>): Promise<T> {
    const batch = this.waiting.get(key);
    if (batch) return batch;
    const next = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // Callers from here on wait for a read that starts after them.
      this.waiting.delete(key);
      return load();
    });
    this.waiting.set(key, next);
    return next;
  }
}
