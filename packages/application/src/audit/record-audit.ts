import type { AuditAction, AuditEvent } from "@peykarband/domain";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock, IdGenerator } from "../ports/system.ts";
import type { RequestContext } from "../shared/request-context.ts";

interface AuditFacts {
  readonly actorId?: string | null;
  readonly subjectId?: string | null;
  readonly details?: Record<string, string>;
}

/** One event, taking the actor, IP, user agent and request id from the request. */
export function auditEvent(
  deps: { clock: Clock; ids: IdGenerator },
  ctx: RequestContext,
  action: AuditAction,
  facts: AuditFacts = {},
): AuditEvent {
  return {
    id: deps.ids.newId(),
    action,
    actorId: facts.actorId !== undefined ? facts.actorId : (ctx.viewer?.userId ?? null),
    subjectId: facts.subjectId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    // Whatever a key changes is traced to the key, not only to its owner.
    details: ctx.viewer?.apiKey
      ? { ...facts.details, apiKeyId: ctx.viewer.apiKey.id }
      : (facts.details ?? {}),
    occurredAt: deps.clock.now(),
  };
}

/** Appends one event, taking the actor, IP, user agent and request id from the request. */
export function recordAudit(
  deps: { audit: AuditLog; clock: Clock; ids: IdGenerator },
  ctx: RequestContext,
  action: AuditAction,
  facts: AuditFacts = {},
): Promise<void> {
  return deps.audit.record(auditEvent(deps, ctx, action, facts));
}
