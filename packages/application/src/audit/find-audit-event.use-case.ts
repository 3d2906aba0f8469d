import type { AuditEvent } from "@peykarband/domain";
import type { AuditLog } from "../ports/audit-log.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";

/** ADMIN only: one security event by its id, or null when there is none. */
export async function findAuditEvent(
  deps: { audit: AuditLog },
  id: string,
  ctx: RequestContext,
): Promise<AuditEvent | null> {
  requireRole(ctx, ["ADMIN"]);
  return deps.audit.findById(id);
}
