import type { RequestContext } from "../shared/request-context.ts";
import { addSshKey } from "../ssh-keys/add-ssh-key.use-case.ts";
import { deleteServer } from "./delete-server.use-case.ts";
import { deleteSshKey } from "../ssh-keys/delete-ssh-key.use-case.ts";
import { orderServer } from "./order-server.use-case.ts";
import { powerOffServer } from "./power-off-server.use-case.ts";
import { powerOnServer } from "./power-on-server.use-case.ts";
import { rebootServer } from "./reboot-server.use-case.ts";
import { rebuildServer } from "./rebuild-server.use-case.ts";
import { resizeServer } from "./resize-server.use-case.ts";
import { runServerJob } from "./run-server-job.use-case.ts";
import { servedPlan, servedRegion } from "../catalog/served-catalog.ts";
import type { ServerDeps } from "./server-deps.ts";
import { findServer, servers, serverHistory } from "./server-reads.ts";
import type { ServerUseCases } from "./server-use-cases.contract.ts";
import { setServerQuota } from "./set-server-quota.use-case.ts";
import { sshKeys } from "../ssh-keys/ssh-key-reads.ts";
import { sweepOrphanServers } from "./sweep-orphan-servers.use-case.ts";
import { serverStatusChanged } from "./server-status-changed.use-case.ts";
import { planWithMarkup } from "@peykarband/domain";
import { markupFor } from "../resellers/reseller-prices.ts";

/** The server use cases bound to their ports: what resolvers and worker jobs call. */
export function createServerUseCases(deps: ServerDeps): ServerUseCases {
  return {
    // The catalog is public to every signed-in caller; the gateway's rules decide about anonymous ones.
    regions: async (_ctx: RequestContext) =>
      (await deps.catalog.regions()).map((region) => servedRegion(deps, region)),
    images: (_ctx: RequestContext) => deps.catalog.images(),
    plans: async (input, ctx) => {
      const [plans, markup] = await Promise.all([
        deps.catalog.plans(input.regionId ?? undefined),
        markupFor(deps, ctx.viewer?.userId ?? null),
      ]);
      return plans.map((plan) => planWithMarkup(servedPlan(deps, plan), markup));
    },
    regionsByIds: async (ids) =>
      (await deps.catalog.regionsByIds(ids)).map((region) => region && servedRegion(deps, region)),
    imagesByIds: (ids) => deps.catalog.imagesByIds(ids),
    plansByIds: async (ids) =>
      (await deps.catalog.plansByIds(ids)).map((plan) => plan && servedPlan(deps, plan)),
    orderServer: (input, ctx) => orderServer(deps, input, ctx),
    powerOffServer: (input, ctx) => powerOffServer(deps, input, ctx),
    powerOnServer: (input, ctx) => powerOnServer(deps, input, ctx),
    rebootServer: (input, ctx) => rebootServer(deps, input, ctx),
    rebuildServer: (input, ctx) => rebuildServer(deps, input, ctx),
    resizeServer: (input, ctx) => resizeServer(deps, input, ctx),
    deleteServer: (input, ctx) => deleteServer(deps, input, ctx),
    findServer: (id, ctx) => findServer(deps, id, ctx),
    servers: (input, ctx) => servers(deps, input, ctx),
    serverStatusChanged: (input, ctx) => serverStatusChanged(deps, input, ctx),
    serverHistory: (id, ctx) => serverHistory(deps, id, ctx),
    addSshKey: (input, ctx) => addSshKey(deps, input, ctx),
    sshKeys: (ctx) => sshKeys(deps, ctx),
    deleteSshKey: (input, ctx) => deleteSshKey(deps, input, ctx),
    setServerQuota: (input, ctx) => setServerQuota(deps, input, ctx),
    runServerJob: (job, ctx) => runServerJob(deps, job, ctx),
    sweepOrphanServers: (ctx) => sweepOrphanServers(deps, ctx),
  };
}
