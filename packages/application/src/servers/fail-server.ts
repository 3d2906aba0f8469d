import { serverFailureRefund, serverOrderReference, type Server } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { publishOutcome } from "./publish-change.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerJobReport } from "./server-use-cases.contract.ts";

const SYSTEM = { requestId: "server-job", ip: null, userAgent: null, viewer: null };

/**
 * A server that could not be created: FAILED with the reason, the order's charge refunded in the
 * same transaction (the compare-and-set lets exactly one failing run through, and the refund's
 * unique reference would stop a second anyway), then everything the provider has under our id
 * deleted. A crash before the deletes leaves them to the orphan sweep, which deletes what a
 * FAILED server left behind.
 */
export async function failServer(
  deps: ServerDeps,
  server: Server,
  reason: string,
  knownProviderIds: readonly string[],
): Promise<ServerJobReport> {
  const at = deps.clock.now();
  const charge = await deps.ledger.findByReference(serverOrderReference(server.id));
  const charged = charge?.walletChanges().get(server.userId)?.negate();
  const outcome = await deps.servers.change({
    serverId: server.id,
    from: ["PENDING", "PROVISIONING"],
    to: "FAILED",
    changes: { failureReason: reason },
    reason,
    at,
    ...(charged?.isPositive()
      ? {
          ledger: serverFailureRefund({
            id: deps.ids.newId(),
            serverId: server.id,
            userId: server.userId,
            serverName: server.name,
            amount: charged,
            at,
          }),
        }
      : {}),
  });
  if (outcome.status === "STALE") {
    const now = outcome.server ?? server;
    return { serverId: server.id, status: now.status, noop: true };
  }
  await publishOutcome(deps, outcome);
  await recordAudit(deps, SYSTEM, "SERVER_FAILED", {
    actorId: null,
    subjectId: server.userId,
    details: { serverId: server.id, reason: reason.slice(0, 200) },
  });
  await cleanUpAtProvider(deps, outcome.server, knownProviderIds);
  return { serverId: server.id, status: "FAILED", noop: false };
}

async function cleanUpAtProvider(deps: ServerDeps, server: Server, known: readonly string[]): Promise<void> {
  const provider = deps.providers[server.provider];
  if (!provider) return;
  const ids = new Set(known);
  if (server.providerServerId) ids.add(server.providerServerId);
  const found = await provider.findByServerId(server.id);
  if (found.ok) for (const s of found.value) ids.add(s.providerServerId);
  // Failures are left to the orphan sweep.
  for (const id of ids) await provider.deleteServer(id);
}
