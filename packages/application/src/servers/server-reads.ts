import type { Server, ServerStatus, ServerStatusChange } from "@peykarband/domain";
import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import type { ServerCursor, ServerListScope, ServerPage } from "../ports/server.repository.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { actingOwner, findVisibleServer } from "./server-access.ts";
import type { ServerDeps } from "./server-deps.ts";

export const findServer = (deps: ServerDeps, id: string, ctx: RequestContext): Promise<Server | null> =>
  findVisibleServer(deps, id, ctx);

/**
 * Customers and resellers list their own servers, a reseller its customer's with `customerId`;
 * SUPPORT and ADMIN everyone's. A customerId that names no customer of the viewer lists nothing.
 */
export async function servers(
  deps: ServerDeps,
  input: { page: PageRequest<ServerCursor>; statuses?: readonly ServerStatus[]; customerId?: string | null },
  ctx: RequestContext,
): Promise<ServerPage & CountedPage> {
  const viewer = requireViewer(ctx);
  const owner = await actingOwner(deps, input.customerId, ctx);
  if (!owner.ok) return { servers: [], hasMore: false, countAll: async () => 0 };
  const staff = input.customerId == null && (viewer.role === "SUPPORT" || viewer.role === "ADMIN");
  const scope: ServerListScope = {
    userId: staff ? null : owner.value,
    ...(input.statuses ? { filter: { statuses: input.statuses } } : {}),
  };
  const page = await deps.servers.list({ ...scope, ...toKeysetPageQuery(input.page) });
  return { ...page, countAll: () => deps.servers.count(scope) };
}

/** Null when the viewer may not see the server. */
export async function serverHistory(
  deps: ServerDeps,
  serverId: string,
  ctx: RequestContext,
): Promise<ServerStatusChange[] | null> {
  const server = await findVisibleServer(deps, serverId, ctx);
  return server ? deps.servers.history(server.id) : null;
}
