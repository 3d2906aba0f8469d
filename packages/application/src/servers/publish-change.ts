import type { ServerStatusChange } from "@peykarband/domain";
import type { ServerChangeOutcome } from "../ports/server.repository.ts";
import type { ServerDeps } from "./server-deps.ts";

/**
 * Announces a stored change, after its commit. Publishing is best effort by contract (subscribers
 * heal from the stored state); a publisher that throws anyway must not turn a stored change into a
 * failed request or a retried job.
 */
export async function publishChange(
  deps: Pick<ServerDeps, "publisher">,
  change: ServerStatusChange | null,
): Promise<void> {
  if (!change) return;
  try {
    await deps.publisher.publish(change);
  } catch {
    // The publisher logs its own failures.
  }
}

export async function publishOutcome(
  deps: Pick<ServerDeps, "publisher">,
  outcome: ServerChangeOutcome,
): Promise<void> {
  if (outcome.status === "CHANGED" && outcome.change) {
    await publishChange(deps, { ...outcome.change, server: outcome.server });
  }
}
