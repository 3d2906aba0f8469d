import type { CloudFailure } from "../ports/cloud-provider.ts";
import type { ServerDeps } from "./server-deps.ts";

/** Thrown by a job to have the queue run it again later; every job is safe to run again. */
export class ServerJobRetryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServerJobRetryError";
  }
}

/**
 * Called right before a provider call that must happen once (a create, a power action): a run
 * whose lease lapsed stops there, since another worker may be running the same job.
 */
export function requireLease(job: { holdsLease: () => boolean }): void {
  if (!job.holdsLease()) throw new ServerJobRetryError("the job's lease lapsed; another worker has it");
}

/** The provider said no in a way that retrying the same call will not change. */
export const isPermanent = (failure: CloudFailure): boolean => failure.kind === "REJECTED";

export const describeFailure = (failure: CloudFailure): string =>
  `${failure.kind}${failure.code ? ` (${failure.code})` : ""}: ${failure.message}`;

/** Waits as long as a 429 asked, then throws so the job is retried. */
export async function retryLater(deps: Pick<ServerDeps, "sleep">, failure: CloudFailure): Promise<never> {
  if (failure.kind === "RATE_LIMITED" && failure.retryAfterMs) await deps.sleep(failure.retryAfterMs);
  throw new ServerJobRetryError(describeFailure(failure));
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so pollers spread out. */
export function pollDelayMs(deps: Pick<ServerDeps, "policy">, poll: number): number {
  const { pollIntervalMs, maxPollIntervalMs } = deps.policy;
  const step = Math.min(maxPollIntervalMs, pollIntervalMs * 2 ** Math.min(poll, 20));
  return Math.round(step / 2 + (Math.random() * step) / 2);
}
