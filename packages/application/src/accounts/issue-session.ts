import type { AuditEvent, User } from "@peykarband/domain";
import type { AccountDeps } from "./account-deps.ts";
import type { SessionGrant } from "./session-grant.ts";

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

interface NewRefreshToken {
  readonly token: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

/**
 * Opens a new session (refresh-token family) for the user. `event` says what opened it and is
 * written with the session in one atomic write: one commit, and no session without its audit row.
 */
export async function openSession(deps: AccountDeps, user: User, event: AuditEvent): Promise<SessionGrant> {
  const now = deps.clock.now();
  const family = {
    id: deps.ids.newId(),
    userId: user.id,
    createdAt: now,
    expiresAt: addSeconds(now, deps.policy.sessionMaxAgeSeconds),
  };
  const refresh = newRefreshToken(deps, now, family.expiresAt);
  await deps.sessions.openFamily({
    family,
    firstToken: { tokenHash: refresh.tokenHash, issuedAt: now, expiresAt: refresh.expiresAt },
    event,
  });
  return grant(deps, user, family.id, refresh);
}

/**
 * Issues the successor of a used refresh token, and a fresh access token. The successor is
 * derived from the used token, so a second refresh with it gets the same one.
 */
export async function continueSession(
  deps: AccountDeps,
  user: User,
  used: { refreshToken: string; familyId: string; familyExpiresAt: Date },
): Promise<SessionGrant> {
  const { familyId, familyExpiresAt } = used;
  const now = deps.clock.now();
  const refresh = refreshToken(
    deps,
    deps.refreshSuccessor.successorOf(used.refreshToken),
    now,
    familyExpiresAt,
  );
  await deps.sessions.addRefreshToken({
    tokenHash: refresh.tokenHash,
    familyId,
    userId: user.id,
    issuedAt: now,
    expiresAt: refresh.expiresAt,
  });
  return grant(deps, user, familyId, refresh);
}

const newRefreshToken = (deps: AccountDeps, now: Date, familyExpiresAt: Date): NewRefreshToken =>
  refreshToken(deps, deps.random.token(32), now, familyExpiresAt);

/** A refresh token, stored only as its hash, never outliving its family. */
function refreshToken(deps: AccountDeps, token: string, now: Date, familyExpiresAt: Date): NewRefreshToken {
  const expiry = addSeconds(now, deps.policy.refreshTokenTtlSeconds);
  return {
    token,
    tokenHash: deps.digest.sha256(token),
    expiresAt: expiry < familyExpiresAt ? expiry : familyExpiresAt,
  };
}

async function grant(
  deps: AccountDeps,
  user: User,
  familyId: string,
  refresh: NewRefreshToken,
): Promise<SessionGrant> {
  const access = await deps.accessTokens.issue({ userId: user.id, role: user.role, sessionId: familyId });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt,
    user,
  };
}
