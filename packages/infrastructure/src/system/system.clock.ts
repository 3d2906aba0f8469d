import type { Clock } from "@peykarband/application";

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
