import type { AuditLog, AuditPage } from "../ports/audit-log.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";

export interface ListAuditEventsInput {
  /** 1 to 100. */
  readonly first: number;
  readonly after?: { occurredAt: Date; id: string } | null;
  readonly actorId?: string | null;
  readonly subjectId?: string | null;
}

/** ADMIN only: security events, newest first. */
export async function listAuditEvents(
  deps: { audit: AuditLog },
  input: ListAuditEventsInput,
  ctx: RequestContext,
): Promise<AuditPage> {
  requireRole(ctx, ["ADMIN"]);
  const first = Math.min(Math.max(Math.trunc(input.first), 1), 100);
  return deps.audit.list({
    limit: first,
    ...(input.after ? { before: input.after } : {}),
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
  });
}
