import type { User } from "@peykarband/domain";
import type { AccountDeps } from "./account-deps.ts";
import type { SessionGrant } from "./session-grant.ts";

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** Opens a new session (refresh-token family) for the user. */
export async function openSession(deps: AccountDeps, user: User): Promise<SessionGrant> {
  const now = deps.clock.now();
  const familyId = deps.ids.newId();
  const expiresAt = addSeconds(now, deps.policy.sessionMaxAgeSeconds);
  await deps.sessions.createFamily({ id: familyId, userId: user.id, createdAt: now, expiresAt });
  return continueSession(deps, user, familyId, expiresAt);
}

/** Issues the next refresh token of a family and a fresh access token. */
export async function continueSession(
  deps: AccountDeps,
  user: User,
  familyId: string,
  familyExpiresAt: Date,
): Promise<SessionGrant> {
  const now = deps.clock.now();
  const refreshToken = deps.random.token(32);
  const refreshExpiry = addSeconds(now, deps.policy.refreshTokenTtlSeconds);
  const refreshTokenExpiresAt = refreshExpiry < familyExpiresAt ? refreshExpiry : familyExpiresAt;
  await deps.sessions.addRefreshToken({
    tokenHash: deps.digest.sha256(refreshToken),
    familyId,
    userId: user.id,
    issuedAt: now,
    expiresAt: refreshTokenExpiresAt,
  });
  const access = await deps.accessTokens.issue({ userId: user.id, role: user.role, sessionId: familyId });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt,
    user,
  };
}
