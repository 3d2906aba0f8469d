import type { Viewer } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";

/** Turns a bearer access token into a viewer, or null when it is invalid or its session has ended. */
export async function authenticate(deps: AccountDeps, accessToken: string): Promise<Viewer | null> {
  const claims = await deps.accessTokens.verify(accessToken);
  if (!claims) return null;
  const family = await deps.sessions.findFamily(claims.sessionId);
  if (
    !family ||
    family.revokedAt ||
    family.userId !== claims.userId ||
    family.expiresAt <= deps.clock.now()
  ) {
    return null;
  }
  return { userId: claims.userId, role: claims.role, sessionId: claims.sessionId };
}
