import { domainError, err, ok, type DomainError, type Result } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { RefreshTokenRecord } from "../ports/session.repository.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { RefreshSessionErrorCode } from "./account-errors.ts";
import { continueSession } from "./issue-session.ts";
import type { SessionGrant } from "./session-grant.ts";

export interface RefreshSessionInput {
  readonly refreshToken: string;
}

const invalid = () =>
  err(domainError("INVALID_REFRESH_TOKEN", "The session has ended; sign in again.", ["refreshToken"]));

/**
 * Trades a refresh token for a new pair. Each refresh token works once: presenting a used one
 * means it was stolen or leaked, so the whole session (every token of its family) is revoked.
 * Except within `refreshGraceSeconds` of its use: two tabs refreshing at once, or a retry after a
 * lost response, get the same successor as the first call, not the end of the session.
 */
export async function refreshSession(
  deps: AccountDeps,
  input: RefreshSessionInput,
  ctx: RequestContext,
): Promise<Result<SessionGrant, DomainError<RefreshSessionErrorCode>>> {
  const now = deps.clock.now();
  const tokenHash = deps.digest.sha256(input.refreshToken);
  const fresh = await deps.sessions.useRefreshToken(tokenHash, now);
  const token = fresh ?? (await deps.sessions.findRefreshToken(tokenHash));
  if (!token) return invalid();
  if (!fresh && !withinGrace(deps, token, now)) {
    await deps.sessions.revokeFamily(token.familyId, now);
    await recordAudit(deps, ctx, "REFRESH_TOKEN_REUSED", {
      actorId: null,
      subjectId: token.userId,
      details: { sessionId: token.familyId },
    });
    return invalid();
  }
  const family = await deps.sessions.findFamily(token.familyId);
  if (!family || family.revokedAt || family.expiresAt <= now || token.expiresAt <= now) return invalid();
  const user = await deps.users.findById(token.userId);
  if (!user) return invalid();

  await recordAudit(deps, ctx, "SESSION_REFRESHED", {
    actorId: user.id,
    subjectId: user.id,
    details: fresh ? { sessionId: family.id } : { sessionId: family.id, within: "grace" },
  });
  return ok(
    await continueSession(deps, user, {
      refreshToken: input.refreshToken,
      familyId: family.id,
      familyExpiresAt: family.expiresAt,
    }),
  );
}

function withinGrace(deps: AccountDeps, token: RefreshTokenRecord, now: Date): boolean {
  if (!token.usedAt) return false;
  return now.getTime() - token.usedAt.getTime() <= deps.policy.refreshGraceSeconds * 1000;
}
