import { describe, expect, it } from "vitest";
import {
  nextWebhookAttemptAt,
  shouldDisableWebhookEndpoint,
  WEBHOOK_RETRY_DELAYS_SECONDS,
} from "./webhook-retry.ts";

const createdAt = new Date("2026-01-01T00:00:00Z");
const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);

describe("webhook retries", () => {
  it("waits longer after each failure, then repeats the longest wait", () => {
    expect(nextWebhookAttemptAt({ createdAt, attempts: 1 }, at(0))).toEqual(at(10));
    expect(nextWebhookAttemptAt({ createdAt, attempts: 2 }, at(10))).toEqual(at(70));
    const longest = WEBHOOK_RETRY_DELAYS_SECONDS.at(-1)!;
    expect(nextWebhookAttemptAt({ createdAt, attempts: 40 }, at(3600))).toEqual(at(3600 + longest));
  });

  it("gives up once the next try would be more than a day after the event", () => {
    const day = 24 * 3600;
    expect(nextWebhookAttemptAt({ createdAt, attempts: 9 }, at(day - 3 * 3600))).toEqual(at(day));
    expect(nextWebhookAttemptAt({ createdAt, attempts: 9 }, at(day - 3 * 3600 + 1))).toBeNull();
  });

  it("disables an endpoint failing for a whole day, not one that failed a moment less", () => {
    expect(shouldDisableWebhookEndpoint(null, at(10 * 24 * 3600))).toBe(false);
    expect(shouldDisableWebhookEndpoint(createdAt, at(24 * 3600 - 1))).toBe(false);
    expect(shouldDisableWebhookEndpoint(createdAt, at(24 * 3600))).toBe(true);
  });
});
