import { domainError, err, ok, type DomainError, type Result } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { SetServerQuotaErrorCode } from "./server-errors.ts";

export const MAX_SERVER_QUOTA = 1000;

/** ADMIN: a user's own limit of live servers (0 to 1000); null returns them to the default. */
export async function setServerQuota(
  deps: ServerDeps,
  input: { userId: string; limit: number | null },
  ctx: RequestContext,
): Promise<Result<{ userId: string; limit: number }, DomainError<SetServerQuotaErrorCode>>> {
  requireRole(ctx, ["ADMIN"]);
  const { limit } = input;
  if (limit !== null && (!Number.isInteger(limit) || limit < 0 || limit > MAX_SERVER_QUOTA)) {
    return err(
      domainError("INVALID_QUOTA", `A quota is a whole number from 0 to ${MAX_SERVER_QUOTA}.`, ["limit"]),
    );
  }
  if (!(await deps.users.findById(input.userId))) {
    return err(domainError("USER_NOT_FOUND", "There is no such user.", ["userId"]));
  }
  await deps.servers.setQuotaOverride(input.userId, limit);
  await recordAudit(deps, ctx, "SERVER_QUOTA_CHANGED", {
    subjectId: input.userId,
    details: { limit: limit === null ? "default" : String(limit) },
  });
  return ok({ userId: input.userId, limit: limit ?? deps.policy.defaultQuota });
}
