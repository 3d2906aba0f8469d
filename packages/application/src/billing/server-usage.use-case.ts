import { serverUsageAt, type ServerUsage } from "@peykarband/domain";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { canSeeServer } from "../servers/server-access.ts";
import type { BillingDeps } from "./billing-deps.ts";

/**
 * What the server has accrued this Jalali month so far, from the clock (settled or not), its rate
 * and its cap. Null for a server the viewer may not see, as if it did not exist.
 */
export async function serverUsage(
  deps: Pick<BillingDeps, "billing" | "servers" | "users" | "clock">,
  input: { serverId: string },
  ctx: RequestContext,
): Promise<ServerUsage | null> {
  const viewer = requireViewer(ctx);
  const [server, [meter]] = await Promise.all([
    deps.servers.findById(input.serverId),
    deps.billing.meters([input.serverId]),
  ]);
  if (!server || !(await canSeeServer(deps.users, viewer, server))) return null;
  if (!meter) throw new Error(`server ${server.id} has no meter`);
  return serverUsageAt(meter, deps.clock.now());
}
