import type { Server } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { ProviderServer } from "../ports/cloud-provider.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { OrphanSweepReport } from "./server-use-cases.contract.ts";

/**
 * The periodic check that we pay no provider for a server nobody is billed for. A provider
 * server carrying this deployment's mark is deleted when no server of ours owns it (unknown id),
 * when its server is DELETED or FAILED, or when its server has another providerServerId (a
 * duplicate). A young server without a stored id yet is left: its job is about to store it.
 */
export async function sweepOrphanServers(deps: ServerDeps, ctx: RequestContext): Promise<OrphanSweepReport> {
  let seen = 0;
  let failed = 0;
  const deleted: { provider: string; providerServerId: string; serverId: string | null }[] = [];
  for (const provider of Object.values(deps.providers)) {
    if (!provider) continue;
    const listed = await provider.listOurs();
    if (!listed.ok) {
      failed++;
      continue;
    }
    seen += listed.value.length;
    const ids = [...new Set(listed.value.flatMap((s) => (s.serverId ? [s.serverId] : [])))];
    const servers = new Map(
      (await deps.servers.findByIds(ids)).flatMap((s) => (s ? [[s.id, s] as const] : [])),
    );
    for (const found of listed.value) {
      const server = found.serverId ? (servers.get(found.serverId) ?? null) : null;
      const why = orphanReason(deps, found, server);
      if (!why) continue;
      const result = await provider.deleteServer(found.providerServerId);
      if (!result.ok) {
        failed++;
        continue;
      }
      deleted.push({
        provider: provider.name,
        providerServerId: found.providerServerId,
        serverId: found.serverId,
      });
      await recordAudit(deps, ctx, "ORPHAN_SERVER_DELETED", {
        actorId: null,
        subjectId: server?.userId ?? null,
        details: {
          provider: provider.name,
          providerServerId: found.providerServerId,
          serverId: found.serverId ?? "",
          reason: why,
        },
      });
    }
  }
  return { seen, deleted, failed };
}

function orphanReason(deps: ServerDeps, found: ProviderServer, server: Server | null): string | null {
  if (!server) return "UNKNOWN_SERVER";
  if (server.status === "DELETED" || server.status === "FAILED") return server.status;
  if (server.providerServerId) {
    return server.providerServerId === found.providerServerId ? null : "DUPLICATE";
  }
  const age = deps.clock.now().getTime() - server.createdAt.getTime();
  const creating = server.status === "PENDING" || server.status === "PROVISIONING";
  // Its job adopts it through findByServerId; only a creation long past its deadline is given up on.
  return creating && age > deps.policy.orphanGraceMs ? "ABANDONED" : null;
}
