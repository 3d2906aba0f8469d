import type { User } from "@peykarband/domain";
import type { Viewer } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";

/** Turns a bearer access token into a viewer, or null when it is invalid or its session has ended. */
export async function authenticate(deps: AccountDeps, accessToken: string): Promise<Viewer | null> {
  return (await authenticateWithUser(deps, accessToken))?.viewer ?? null;
}

/**
 * As `authenticate`, and also returns the signed-in user read with the session, so that a request
 * asking for `viewer` needs no second read. The role is the stored one, not the token's: a token
 * says what the role was when it was issued, and a demoted admin's token must not outrank them.
 */
export async function authenticateWithUser(
  deps: AccountDeps,
  accessToken: string,
): Promise<{ viewer: Viewer; user: User } | null> {
  const claims = await deps.accessTokens.verify(accessToken);
  if (!claims) return null;
  const found = await deps.sessions.findFamilyWithUser(claims.sessionId);
  const family = found?.family;
  const user = found?.user;
  if (
    !family ||
    !user ||
    family.revokedAt ||
    family.userId !== claims.userId ||
    family.expiresAt <= deps.clock.now()
  ) {
    return null;
  }
  return { viewer: { userId: claims.userId, role: user.role, sessionId: claims.sessionId }, user };
}
