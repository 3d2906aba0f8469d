import type { RequestContext } from "../shared/request-context.ts";
import type { BillingDeps } from "./billing-deps.ts";
import { serverUsage } from "./server-usage.use-case.ts";
import { settleUsage } from "./settle-usage.use-case.ts";
import { waiveUsage, type WaiveUsageInput } from "./waive-usage.use-case.ts";
import { walletRunsOut } from "./wallet-runs-out.use-case.ts";

/** The billing use cases bound to their ports: what resolvers and the hourly job call. */
export function createBillingUseCases(deps: BillingDeps) {
  return {
    settleUsage: () => settleUsage(deps),
    serverUsage: (input: { serverId: string }, ctx: RequestContext) => serverUsage(deps, input, ctx),
    walletRunsOut: (input: { userId: string }, ctx: RequestContext) => walletRunsOut(deps, input, ctx),
    waiveUsage: (input: WaiveUsageInput, ctx: RequestContext) => waiveUsage(deps, input, ctx),
  };
}

export type BillingUseCases = ReturnType<typeof createBillingUseCases>;
