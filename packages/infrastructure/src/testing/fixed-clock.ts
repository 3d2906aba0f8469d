import type { Clock } from "@peykarband/application";

/** A clock tests move by hand. */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date("2026-03-21T08:00:00.000Z")) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
