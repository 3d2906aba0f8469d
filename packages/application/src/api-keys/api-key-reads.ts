import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import type { ApiKeyCursor, ApiKeyPage } from "../ports/api-key.repository.ts";
import type { AccountDeps } from "../accounts/account-deps.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";

/** The viewer's own keys, newest first, revoked ones included. */
export async function listApiKeys(
  deps: AccountDeps,
  request: PageRequest<ApiKeyCursor>,
  ctx: RequestContext,
): Promise<ApiKeyPage & CountedPage> {
  const { userId } = requireViewer(ctx);
  const page = await deps.apiKeys.listByUser(userId, toKeysetPageQuery(request));
  return { ...page, countAll: () => deps.apiKeys.countByUser(userId) };
}
