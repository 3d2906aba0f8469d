import type { Server, ServerStatus, ServerStatusChange } from "@peykarband/domain";
import { toKeysetPageQuery, type PageRequest } from "../ports/keyset-page.ts";
import type { ServerCursor, ServerPage } from "../ports/server.repository.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { findVisibleServer } from "./server-access.ts";
import type { ServerDeps } from "./server-deps.ts";

export const findServer = (deps: ServerDeps, id: string, ctx: RequestContext): Promise<Server | null> =>
  findVisibleServer(deps, id, ctx);

/** Customers and resellers list their own servers; SUPPORT and ADMIN everyone's. */
export function servers(
  deps: ServerDeps,
  input: { page: PageRequest<ServerCursor>; statuses?: readonly ServerStatus[] },
  ctx: RequestContext,
): Promise<ServerPage> {
  const viewer = requireViewer(ctx);
  const staff = viewer.role === "SUPPORT" || viewer.role === "ADMIN";
  return deps.servers.list({
    userId: staff ? null : viewer.userId,
    ...(input.statuses ? { filter: { statuses: input.statuses } } : {}),
    ...toKeysetPageQuery(input.page),
  });
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
