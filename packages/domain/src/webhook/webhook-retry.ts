const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** How long a delivery is retried, and how long an endpoint may fail before it is disabled. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * HOUR * 1000;

/**
 * Seconds to wait after each failed attempt (the first entry after the first failure); the last
 * entry repeats until the delivery is a day old. About fifteen attempts in the day.
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS: readonly number[] = [
  10,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
];

/**
 * When to try a failed delivery again, after `attempts` attempts so far, or null once the next try
 * would fall past a day from its creation: it is then given up.
 */
export function nextWebhookAttemptAt(
  delivery: { readonly createdAt: Date; readonly attempts: number },
  now: Date,
  delays: readonly number[] = WEBHOOK_RETRY_DELAYS_SECONDS,
): Date | null {
  const index = Math.min(Math.max(delivery.attempts - 1, 0), delays.length - 1);
  const next = new Date(now.getTime() + delays[index]! * 1000);
  return next.getTime() - delivery.createdAt.getTime() > WEBHOOK_RETRY_WINDOW_MS ? null : next;
}

/** An endpoint that has failed every attempt for a day is disabled: its owner is told, and fixes it. */
export const shouldDisableWebhookEndpoint = (failingSince: Date | null, now: Date): boolean =>
  failingSince !== null && now.getTime() - failingSince.getTime() >= WEBHOOK_RETRY_WINDOW_MS;
