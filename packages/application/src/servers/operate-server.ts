import {
  ratesWithMarkup,
  type RatePeriod,
  type Server,
  type ServerOperation,
  type ServerStatus,
} from "@peykarband/domain";
import type {
  CloudFailure,
  CloudProvider,
  CloudResult,
  ProviderActionRef,
  ProviderServerState,
} from "../ports/cloud-provider.ts";
import type { ServerChanges } from "../ports/server.repository.ts";
import { markupFor } from "../resellers/reseller-prices.ts";
import { awaitProvider } from "./await-provider.ts";
import { deleteAtProvider } from "./delete-at-provider.ts";
import { publishOutcome } from "./publish-change.ts";
import { describeFailure, isPermanent, requireLease, retryLater } from "./server-job-retry.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerJobReport } from "./server-use-cases.contract.ts";

type Operation = Exclude<ServerOperation, "DELETE">;

interface Plan {
  /** The provider call; null: nothing to call (already in the target state). */
  readonly call: () => CloudResult<ProviderActionRef | null>;
  /** Provider states that mean it is done. */
  readonly done: readonly ProviderServerState[];
  /** Skip the call when the provider already shows this state (a re-run after the call went through). */
  readonly alreadyIn?: ProviderServerState;
  readonly changes?: ServerChanges;
  /** A resize: the new plan's prices, from the catalog as it is when the provider confirms. */
  readonly rate?: Omit<RatePeriod, "startsAt">;
}

const report = (server: Server, noop: boolean): ServerJobReport => ({
  serverId: server.id,
  status: server.status,
  noop,
});

const statusOf = (state: ProviderServerState): ServerStatus | null =>
  state === "RUNNING" ? "ACTIVE" : state === "OFF" ? "OFF" : null;

/**
 * servers.operate: runs the pending operation at the provider, waits for it, then ONE final
 * change (OFF, ACTIVE, DELETED) that clears pendingOperation. A job whose operation is no longer
 * pending was finished by an earlier run: nothing to do. When the provider refuses or keeps
 * failing, the server returns to the state the provider reports, with the reason, and is idle again.
 */
export async function operateServer(
  deps: ServerDeps,
  job: {
    serverId: string;
    operation: ServerOperation;
    targetId?: string;
    isLastAttempt: boolean;
    holdsLease: () => boolean;
  },
): Promise<ServerJobReport> {
  const server = await deps.servers.findById(job.serverId);
  if (!server) throw new Error(`operate job for unknown server ${job.serverId}`);
  if (server.pendingOperation !== job.operation) return report(server, true);
  const provider = deps.providers[server.provider];
  const deadline = new Date(server.updatedAt.getTime() + deps.policy.operationDeadlineMs);
  const giveUp = () => job.isLastAttempt || deps.clock.now() > deadline;
  if (job.operation === "DELETE") return deleteServerNow(deps, provider, server, giveUp);
  if (!provider || !server.providerServerId) {
    return settle(deps, provider ?? null, server, `The ${server.provider} server cannot be reached.`);
  }
  const providerServerId = server.providerServerId;

  const plan = await planFor(deps, provider, server, job.operation, job.targetId);
  if (typeof plan === "string") return settle(deps, provider, server, plan);

  let action: ProviderActionRef | null = null;
  const before = plan.alreadyIn ? await provider.getServer(providerServerId) : null;
  if (!(before?.ok && before.value?.state === plan.alreadyIn)) {
    requireLease(job);
    const called = await plan.call();
    if (!called.ok) return onFailure(deps, provider, server, called.error, giveUp);
    action = called.value;
  }
  const done = await awaitProvider(deps, provider, { providerServerId, action }, plan.done, deadline);
  if (!done.ok) return settle(deps, provider, server, done.reason);
  // Dunning's suspension powers off a server shown SUSPENDED; it stays so until dunning resumes it.
  const suspended = server.status === "SUSPENDED" && job.operation === "POWER_OFF";
  const to = suspended ? "SUSPENDED" : (statusOf(done.server.state) ?? "ACTIVE");
  const at = deps.clock.now();
  const outcome = await deps.servers.change({
    serverId: server.id,
    from: [server.status],
    to,
    changes: {
      ...plan.changes,
      ipv4: done.server.ipv4 ?? server.ipv4,
      ipv6: done.server.ipv6 ?? server.ipv6,
      pendingOperation: null,
      failureReason: null,
    },
    // The new price runs from the moment the provider confirmed the resize.
    ...(plan.rate ? { rate: { ...plan.rate, startsAt: at } } : {}),
    at,
  });
  if (outcome.status === "STALE") return report(outcome.server ?? server, true);
  await publishOutcome(deps, outcome);
  return report(outcome.server, false);
}

async function planFor(
  deps: ServerDeps,
  provider: CloudProvider,
  server: Server,
  operation: Operation,
  targetId: string | undefined,
): Promise<Plan | string> {
  const id = server.providerServerId!;
  switch (operation) {
    case "POWER_OFF":
      return { call: () => provider.powerOff(id), done: ["OFF"], alreadyIn: "OFF" };
    case "POWER_ON":
      return { call: () => provider.powerOn(id), done: ["RUNNING"], alreadyIn: "RUNNING" };
    case "REBOOT":
      return { call: () => provider.reboot(id), done: ["RUNNING"] };
    case "REBUILD": {
      const [image] = await deps.catalog.imagesByIds([targetId ?? server.imageId]);
      const providerImage = image?.providerImages[server.provider];
      if (!image || !providerImage) return "The image is no longer offered.";
      return {
        call: () => provider.rebuild(id, providerImage),
        done: ["RUNNING"],
        changes: { imageId: image.id },
      };
    }
    case "RESIZE": {
      const [offered] = await deps.catalog.plansByIds([targetId ?? ""]);
      const size = offered?.offers.find((o) => o.regionId === server.regionId)?.providerSize;
      if (!offered || !size) return "The plan is no longer offered in this region.";
      return {
        call: () => provider.resize(id, size),
        done: ["RUNNING", "OFF"],
        changes: { planId: offered.id },
        rate: ratesWithMarkup(offered, await markupFor(deps, server.userId)),
      };
    }
  }
}

async function onFailure(
  deps: ServerDeps,
  provider: CloudProvider,
  server: Server,
  failure: CloudFailure,
  giveUp: () => boolean,
): Promise<ServerJobReport> {
  if (isPermanent(failure) || giveUp()) return settle(deps, provider, server, describeFailure(failure));
  return retryLater(deps, failure);
}

/**
 * The operation failed for good: the server shows what the provider reports (ACTIVE or OFF),
 * or, when the provider cannot say, ACTIVE after an interim state and its status before otherwise.
 */
async function settle(
  deps: ServerDeps,
  provider: CloudProvider | null,
  server: Server,
  reason: string,
): Promise<ServerJobReport> {
  let to: ServerStatus = server.status === "ACTIVE" || server.status === "OFF" ? server.status : "ACTIVE";
  if (provider && server.providerServerId) {
    const real = await provider.getServer(server.providerServerId);
    const status = real.ok && real.value ? statusOf(real.value.state) : null;
    if (status) to = status;
  }
  const outcome = await deps.servers.change({
    serverId: server.id,
    from: [server.status],
    to,
    changes: { pendingOperation: null, failureReason: reason },
    reason,
    at: deps.clock.now(),
  });
  if (outcome.status === "STALE") return report(outcome.server ?? server, true);
  await publishOutcome(deps, outcome);
  return report(outcome.server, false);
}

/**
 * DELETE: everything the provider has under our id goes (the stored id and any duplicate or late
 * create found by a lookup), then DELETED, which stops billing. A server never created at the
 * provider goes straight to DELETED. If the provider keeps failing past the last attempt the
 * server still becomes DELETED, with the reason: the orphan sweep keeps deleting provider servers
 * of DELETED servers until they are gone, so billing the customer for them would be wrong.
 */
async function deleteServerNow(
  deps: ServerDeps,
  provider: CloudProvider | undefined,
  server: Server,
  giveUp: () => boolean,
): Promise<ServerJobReport> {
  let reason: string | null = null;
  if (provider) {
    const result = await deleteAtProvider(deps, provider, server);
    if (!result.ok) {
      if (!isPermanent(result.failure) && !giveUp()) return retryLater(deps, result.failure);
      reason = `The provider did not confirm the deletion (${describeFailure(result.failure)}); it is retried.`;
    }
  }
  const at = deps.clock.now();
  const outcome = await deps.servers.change({
    serverId: server.id,
    from: ["DELETING"],
    to: "DELETED",
    changes: { pendingOperation: null, deletedAt: at, failureReason: reason },
    ...(reason ? { reason } : {}),
    at,
  });
  if (outcome.status === "STALE") return report(outcome.server ?? server, true);
  await publishOutcome(deps, outcome);
  return report(outcome.server, false);
}
