import { cloudInitUserData, type Server } from "@peykarband/domain";
import { ProviderServerIdTaken } from "../ports/server.repository.ts";
import type {
  CloudFailure,
  CloudProvider,
  CreateProviderServer,
  ProviderActionRef,
} from "../ports/cloud-provider.ts";
import { awaitProvider } from "./await-provider.ts";
import { failServer } from "./fail-server.ts";
import { publishOutcome } from "./publish-change.ts";
import {
  describeFailure,
  isPermanent,
  requireLease,
  retryLater,
  ServerJobRetryError,
} from "./server-job-retry.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerJobReport } from "./server-use-cases.contract.ts";

const noop = (server: Server): ServerJobReport => ({
  serverId: server.id,
  status: server.status,
  noop: true,
});

/**
 * servers.provision: PENDING → PROVISIONING → ACTIVE, or FAILED with the first hour refunded and
 * whatever was created at the provider deleted.
 *
 * Safe to run twice at once and to be killed at any line: every write is compare-and-set on the
 * status, and the provider is asked for a server carrying our id BEFORE creating one, so a retry
 * after a crash or a lost create response adopts the earlier server instead of making a second.
 * If two runs still both create (they looked up at the same moment), both see two afterwards,
 * keep the oldest and delete the other; the orphan sweep catches anything left.
 */
export async function provisionServer(
  deps: ServerDeps,
  job: { serverId: string; isLastAttempt: boolean; holdsLease: () => boolean },
): Promise<ServerJobReport> {
  try {
    return await provision(deps, job);
  } catch (error) {
    // No run after the last can end the server: whatever went wrong, it fails (and is refunded)
    // rather than staying PROVISIONING with the first hour charged. A run that lost its lease
    // leaves the server to the worker that holds it.
    if (!job.isLastAttempt || error instanceof ServerJobRetryError || !job.holdsLease()) throw error;
    const server = await deps.servers.findById(job.serverId);
    if (!server || (server.status !== "PENDING" && server.status !== "PROVISIONING")) throw error;
    return failServer(deps, server, "Provisioning stopped on an internal error.", []);
  }
}

async function provision(
  deps: ServerDeps,
  job: { serverId: string; isLastAttempt: boolean; holdsLease: () => boolean },
): Promise<ServerJobReport> {
  let server = await deps.servers.findById(job.serverId);
  if (!server) throw new Error(`provision job for unknown server ${job.serverId}`);
  if (server.status !== "PENDING" && server.status !== "PROVISIONING") return noop(server);
  const provider = deps.providers[server.provider];
  if (!provider) return failServer(deps, server, `The ${server.provider} cloud is not configured.`, []);

  if (server.status === "PENDING") {
    const started = await deps.servers.change({
      serverId: server.id,
      from: ["PENDING"],
      to: "PROVISIONING",
      at: deps.clock.now(),
    });
    if (started.status === "STALE") {
      if (started.server?.status !== "PROVISIONING") return noop(started.server ?? server);
      server = started.server;
    } else {
      await publishOutcome(deps, started);
      server = started.server;
    }
  }

  const deadline = new Date(server.createdAt.getTime() + deps.policy.provisioningDeadlineMs);
  const giveUp = () => job.isLastAttempt || deps.clock.now() > deadline;
  const current = server;
  const onFailure = (failure: CloudFailure, created: readonly string[]) =>
    isPermanent(failure) || giveUp()
      ? failServer(deps, current, describeFailure(failure), created)
      : retryLater(deps, failure);

  const found = await provider.findByServerId(server.id);
  if (!found.ok) return onFailure(found.error, []);
  let providerServerId = found.value[0]?.providerServerId ?? null;
  let action: ProviderActionRef | null = null;
  if (!providerServerId) {
    const spec = await createSpec(deps, server);
    if (typeof spec === "string") return failServer(deps, server, spec, []);
    requireLease(job);
    const created = await provider.createServer(spec);
    if (!created.ok) return onFailure(created.error, []);
    providerServerId = created.value.server.providerServerId;
    action = created.value.action;
  }

  const stored = await storeProviderServerId(deps, provider, server, providerServerId);
  if (stored.status === "STALE") return noop(stored.server);
  if (stored.status === "TAKEN") {
    // Only what carries our id is deleted: the id itself may still name the other server's.
    return failServer(
      deps,
      server,
      `The cloud gave this server the id ${stored.providerServerId}, which another server already has.`,
      [],
    );
  }
  if (stored.providerServerId !== providerServerId) action = null;
  server = stored.server;
  providerServerId = stored.providerServerId;

  const ready = await awaitProvider(deps, provider, { providerServerId, action }, ["RUNNING"], deadline);
  if (!ready.ok) return failServer(deps, server, ready.reason, [providerServerId]);
  const active = await deps.servers.change({
    serverId: server.id,
    from: ["PROVISIONING"],
    to: "ACTIVE",
    changes: { ipv4: ready.server.ipv4, ipv6: ready.server.ipv6, failureReason: null },
    at: deps.clock.now(),
  });
  if (active.status === "STALE") return noop(active.server ?? server);
  await publishOutcome(deps, active);
  return { serverId: server.id, status: active.server.status, noop: false };
}

/**
 * Stores the provider's id at once, so a crash from here on cannot lose it, then looks again: more
 * than one server under our id is a duplicate; the oldest stays, the rest are deleted.
 */
async function storeProviderServerId(
  deps: ServerDeps,
  provider: CloudProvider,
  server: Server,
  providerServerId: string,
): Promise<
  | { status: "STORED"; server: Server; providerServerId: string }
  | { status: "STALE"; server: Server }
  | { status: "TAKEN"; providerServerId: string }
> {
  let keep = providerServerId;
  const again = await provider.findByServerId(server.id);
  // A list that does not show ours yet (it lags) proves nothing: then ours stays, and the sweep judges.
  if (again.ok && again.value.some((s) => s.providerServerId === providerServerId)) {
    keep = again.value[0]!.providerServerId;
    for (const extra of again.value.slice(1)) await provider.deleteServer(extra.providerServerId);
  }
  if (server.providerServerId === keep) return { status: "STORED", server, providerServerId: keep };
  let outcome;
  try {
    outcome = await deps.servers.change({
      serverId: server.id,
      from: ["PROVISIONING"],
      to: "PROVISIONING",
      changes: { providerServerId: keep },
      at: deps.clock.now(),
    });
  } catch (error) {
    if (error instanceof ProviderServerIdTaken) return { status: "TAKEN", providerServerId: keep };
    throw error;
  }
  if (outcome.status === "CHANGED")
    return { status: "STORED", server: outcome.server, providerServerId: keep };
  const now = outcome.server ?? server;
  // Deleted, failed or finished by another run meanwhile: what we hold is not its server.
  if (now.providerServerId !== keep) await provider.deleteServer(keep);
  return { status: "STALE", server: now };
}

/** What the provider is asked for; a string when the catalog no longer has what was ordered. */
async function createSpec(deps: ServerDeps, server: Server): Promise<CreateProviderServer | string> {
  const [[plan], [region], [image], keys] = await Promise.all([
    deps.catalog.plansByIds([server.planId]),
    deps.catalog.regionsByIds([server.regionId]),
    deps.catalog.imagesByIds([server.imageId]),
    server.sshKeyIds.length > 0 ? deps.sshKeys.findByIds(server.userId, server.sshKeyIds) : [],
  ]);
  const size = plan?.offers.find((o) => o.regionId === server.regionId)?.providerSize;
  const providerImage = image?.providerImages[server.provider];
  if (!region || !size || !providerImage)
    return "The ordered plan, region or image is no longer in the catalog.";
  return {
    serverId: server.id,
    region: region.providerRegion,
    size,
    image: providerImage,
    userData: cloudInitUserData({ hostname: server.name, sshAuthorizedKeys: keys.map((k) => k.publicKey) }),
  };
}
