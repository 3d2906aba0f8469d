import {
  domainError,
  err,
  ok,
  type DomainError,
  type Result,
  type Server,
  type ServerOperation,
  type ServerStatus,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { SERVER_JOB_NAMES } from "../ports/server.repository.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { publishOutcome } from "./publish-change.ts";
import { actingOwner, canOperateServer } from "./server-access.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerActionErrorCode } from "./server-errors.ts";

export interface OperationRequest<E extends string> {
  readonly serverId: string;
  /** A reseller's customer the server must belong to; the viewer's own servers (or any it may operate) when null. */
  readonly customerId?: string | null;
  readonly operation: ServerOperation;
  /** The statuses the operation may start from. */
  readonly from: readonly ServerStatus[];
  /** The status shown while it runs; null keeps the current one (power off and on). */
  readonly interim: ServerStatus | null;
  /** REBUILD: our image id; RESIZE: our plan id. */
  readonly targetId?: string;
  /** Checks of the operation's own input, on the server as stored. */
  readonly check?: (server: Server) => Promise<Result<void, DomainError<E>>>;
}

const notFound = () => err(domainError("SERVER_NOT_FOUND", "There is no such server.", ["serverId"]));

/**
 * What every lifecycle mutation does: ownership, a legal state, nothing else under way, then ONE
 * compare-and-set change that shows the interim status and enqueues the servers.operate job in the
 * same transaction; the job does the provider's part.
 */
export async function requestServerOperation<E extends string>(
  deps: ServerDeps,
  request: OperationRequest<E>,
  ctx: RequestContext,
): Promise<Result<{ server: Server }, DomainError<ServerActionErrorCode | E>>> {
  const viewer = requireViewer(ctx);
  const owner = request.customerId == null ? null : await actingOwner(deps, request.customerId, ctx);
  if (owner && !owner.ok) return owner;
  const server = await deps.servers.findById(request.serverId);
  if (!server || (owner && server.userId !== owner.value)) return notFound();
  if (!(await canOperateServer(deps.users, viewer, server))) return notFound();
  if (server.pendingOperation) {
    return err(
      domainError(
        "OPERATION_IN_PROGRESS",
        `The server is busy with ${server.pendingOperation}; try again when it ends.`,
        ["serverId"],
      ),
    );
  }
  if (!request.from.includes(server.status)) return illegal(server.status, request.operation);
  if (request.check) {
    const checked = await request.check(server);
    if (!checked.ok) return checked;
  }
  const outcome = await deps.servers.change({
    serverId: server.id,
    from: [server.status],
    whileIdle: true,
    to: request.interim ?? server.status,
    changes: { pendingOperation: request.operation, failureReason: null },
    reason: request.operation,
    at: deps.clock.now(),
    job: {
      name: SERVER_JOB_NAMES.operate,
      data: {
        serverId: server.id,
        operation: request.operation,
        ...(request.targetId ? { targetId: request.targetId } : {}),
      },
    },
  });
  if (outcome.status === "STALE") {
    // Someone else moved it between our read and our write: tell the caller what it is now.
    if (!outcome.server) return notFound();
    return outcome.server.pendingOperation
      ? err(
          domainError("OPERATION_IN_PROGRESS", "Another operation has just started on this server.", [
            "serverId",
          ]),
        )
      : illegal(outcome.server.status, request.operation);
  }
  await publishOutcome(deps, outcome);
  await recordAudit(deps, ctx, "SERVER_OPERATION_REQUESTED", {
    subjectId: server.userId,
    details: { serverId: server.id, operation: request.operation },
  });
  return ok({ server: outcome.server });
}

function illegal(status: ServerStatus, operation: ServerOperation) {
  return err(
    domainError("ILLEGAL_STATE", `A ${status} server cannot ${operation.toLowerCase().replace("_", " ")}.`, [
      "serverId",
    ]),
  );
}
