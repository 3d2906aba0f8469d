import type { Server } from "@peykarband/domain";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext, Viewer } from "../shared/request-context.ts";
import type { ServerDeps } from "./server-deps.ts";

/** SUPPORT and ADMIN see every server; customers and resellers only their own. */
export const canSeeServer = (viewer: Viewer, server: Server): boolean =>
  server.userId === viewer.userId || viewer.role === "SUPPORT" || viewer.role === "ADMIN";

/** Only ADMIN acts on others' servers; SUPPORT reads them but does not touch them. */
export const canOperateServer = (viewer: Viewer, server: Server): boolean =>
  server.userId === viewer.userId || viewer.role === "ADMIN";

/** The server if the viewer may see it; null for a missing one and for one that is not theirs alike. */
export async function findVisibleServer(
  deps: Pick<ServerDeps, "servers">,
  id: string,
  ctx: RequestContext,
): Promise<Server | null> {
  const viewer = requireViewer(ctx);
  const server = await deps.servers.findById(id);
  return server && canSeeServer(viewer, server) ? server : null;
}
