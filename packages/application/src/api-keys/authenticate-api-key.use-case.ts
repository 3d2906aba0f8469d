import type { User } from "@peykarband/domain";
import type { AccountDeps } from "../accounts/account-deps.ts";
import type { Viewer } from "../shared/request-context.ts";
import { parseApiKey, sameHash } from "./api-key-secret.ts";

/** lastUsedAt is a hint for the owner, not a log: one write a minute per key is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns a presented API key into a viewer acting as its owner with the key's scopes, or null when
 * it is malformed, unknown, wrong or revoked. The role is the owner's stored one.
 */
export async function authenticateApiKey(
  deps: AccountDeps,
  presented: string,
): Promise<{ viewer: Viewer; user: User } | null> {
  const parsed = parseApiKey(presented);
  if (!parsed) return null;
  const found = await deps.apiKeys.findForAuthentication(parsed.id);
  if (!found || found.key.revokedAt || !sameHash(found.secretHash, deps.digest.sha256(presented)))
    return null;
  const now = deps.clock.now();
  const lastUsed = found.key.lastUsedAt?.getTime() ?? -Infinity;
  if (now.getTime() - lastUsed >= LAST_USED_RESOLUTION_MS) {
    await deps.apiKeys.touch(found.key.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
  }
  const { key, user } = found;
  return {
    viewer: { userId: user.id, role: user.role, sessionId: null, apiKey: { id: key.id, scopes: key.scopes } },
    user,
  };
}
