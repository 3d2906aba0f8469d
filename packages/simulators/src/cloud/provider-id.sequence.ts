/**
 * Integer ids (DigitalOcean droplets and actions, Hetzner servers and actions) that a restarted
 * simulator never hands out again. The simulators keep their state in memory, while the database
 * that outlives them holds every provider id it was given under a unique index: a counter starting
 * from a constant would give the first server after a restart the id of the first one before it.
 * So the counter follows the wall clock in milliseconds and only runs ahead of it when more than
 * one id a millisecond is drawn; a restart takes far longer than such a burst could run ahead.
 */
export class ProviderIdSequence {
  #last = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  next(): number {
    this.#last = Math.max(this.#last + 1, Math.floor(this.clock()));
    return this.#last;
  }
}
