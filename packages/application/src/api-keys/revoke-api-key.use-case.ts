import { domainError, err, ok, type ApiKey, type DomainError, type Result } from "@peykarband/domain";
import type { AccountDeps } from "../accounts/account-deps.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { RevokeApiKeyErrorCode } from "./api-key-errors.ts";

/** Ends one of the viewer's keys: every gateway refuses it from the next request on. */
export async function revokeApiKey(
  deps: AccountDeps,
  input: { apiKeyId: string },
  ctx: RequestContext,
): Promise<Result<{ apiKey: ApiKey }, DomainError<RevokeApiKeyErrorCode>>> {
  const viewer = requireViewer(ctx);
  const revoked = await deps.apiKeys.revoke(viewer.userId, input.apiKeyId, deps.clock.now());
  if (!revoked)
    return err(domainError("API_KEY_NOT_FOUND", "You have no such active API key.", ["apiKeyId"]));
  // The revoked key's id, which may differ from the one acting (a key revoking itself, a session).
  await recordAudit(deps, ctx, "API_KEY_REVOKED", { details: { revokedApiKeyId: revoked.id } });
  return ok({ apiKey: revoked });
}
