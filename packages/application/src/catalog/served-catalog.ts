import type { Plan, Region } from "@peykarband/domain";
import type { ServerDeps } from "../servers/server-deps.ts";

/**
 * The catalog as this deployment can sell it: a region or offer whose cloud has no credentials here
 * is shown unavailable, as orderServer would refuse it (PLAN_UNAVAILABLE).
 */
export function servedRegion(deps: Pick<ServerDeps, "providers">, region: Region): Region {
  return deps.providers[region.provider] ? region : { ...region, isAvailable: false };
}

export function servedPlan(deps: Pick<ServerDeps, "providers">, plan: Plan): Plan {
  if (deps.providers[plan.provider]) return plan;
  return { ...plan, offers: plan.offers.map((offer) => ({ ...offer, isAvailable: false })) };
}
