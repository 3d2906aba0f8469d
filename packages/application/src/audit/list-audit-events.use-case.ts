import type { AuditCursor, AuditLog, AuditPage } from "../ports/audit-log.ts";
import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";

/** `first` / `after` or `last` / `before`, each size 1 to 100. */
export type ListAuditEventsInput = PageRequest<AuditCursor> & {
  readonly actorId?: string | null;
  readonly subjectId?: string | null;
};

/** ADMIN only: security events, newest first. */
export async function listAuditEvents(
  deps: { audit: AuditLog },
  input: ListAuditEventsInput,
  ctx: RequestContext,
): Promise<AuditPage & CountedPage> {
  requireRole(ctx, ["ADMIN"]);
  const filter = {
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
  };
  const page = await deps.audit.list({ ...toKeysetPageQuery(input), ...filter });
  return { ...page, countAll: () => deps.audit.count(filter) };
}
