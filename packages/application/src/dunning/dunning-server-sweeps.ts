import type { Server, ServerOperation, ServerStatus } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { SERVER_JOB_NAMES } from "../ports/server.repository.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { publishOutcome } from "../servers/publish-change.ts";
import type { DunningDeps } from "./dunning-deps.ts";

/** More servers than a customer's quota can ever allow. */
const ALL_SERVERS = 1_000;

interface Sweep {
  readonly operation: ServerOperation;
  readonly from: readonly ServerStatus[];
  /** Shown while the operation runs. */
  readonly interim: ServerStatus;
}

/** Powered off and shown SUSPENDED at once; the operate job keeps it SUSPENDED when the provider confirms. */
export const SUSPEND: Sweep = { operation: "POWER_OFF", from: ["ACTIVE", "OFF"], interim: "SUSPENDED" };
/** Through the delete path: DELETING, then DELETED once the provider has deleted it. */
export const TERMINATE: Sweep = {
  operation: "DELETE",
  from: ["ACTIVE", "OFF", "SUSPENDED"],
  interim: "DELETING",
};
/** Stays SUSPENDED until the provider reports it running, then ACTIVE. */
export const RESUME: Sweep = { operation: "POWER_ON", from: ["SUSPENDED"], interim: "SUSPENDED" };

/**
 * Requests `sweep` on each of the customer's idle servers it applies to, each as the same
 * compare-and-set change a customer's request makes (job in the same transaction), so a re-run or
 * a second worker requests nothing twice. A busy server is left for the next run. Returns the
 * servers the sweep still has to reach (busy, or changed by another run meanwhile).
 */
export async function sweepServers(
  deps: DunningDeps,
  userId: string,
  sweep: Sweep,
  ctx: RequestContext,
): Promise<Server[]> {
  const live = await deps.servers.listLive(userId, ALL_SERVERS);
  const left: Server[] = [];
  for (const server of live.filter((s) => sweep.from.includes(s.status))) {
    if (server.pendingOperation) {
      if (server.pendingOperation !== sweep.operation) left.push(server);
      continue;
    }
    const outcome = await deps.servers.change({
      serverId: server.id,
      from: [server.status],
      whileIdle: true,
      to: sweep.interim,
      changes: { pendingOperation: sweep.operation, failureReason: null },
      reason: `DUNNING_${sweep.operation}`,
      at: deps.clock.now(),
      job: { name: SERVER_JOB_NAMES.operate, data: { serverId: server.id, operation: sweep.operation } },
    });
    if (outcome.status === "STALE") {
      if (outcome.server) left.push(outcome.server);
      continue;
    }
    await publishOutcome(deps, outcome);
    await recordAudit(deps, ctx, "SERVER_OPERATION_REQUESTED", {
      actorId: null,
      subjectId: userId,
      details: { serverId: server.id, operation: sweep.operation, reason: "DUNNING" },
    });
  }
  return left;
}
