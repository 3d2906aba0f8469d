import type { ImagesQuery, PlansQuery, RegionsQuery } from "@peykarband/sdk";
import type { PeykarbandClient } from "@peykarband/sdk";

export type Plan = PlansQuery["plans"][number];
export type Region = RegionsQuery["regions"][number];
export type Image = ImagesQuery["images"][number];

export interface Catalog {
  readonly plans: readonly Plan[];
  readonly regions: readonly Region[];
  readonly images: readonly Image[];
}

export async function loadCatalog(client: PeykarbandClient, signal: AbortSignal): Promise<Catalog> {
  const [{ plans }, { regions }, { images }] = await Promise.all([
    client.Plans({}, undefined, signal),
    client.Regions(undefined, undefined, signal),
    client.Images(undefined, undefined, signal),
  ]);
  return { plans, regions, images };
}

/** Plans offered in a region, the cheapest first. */
export function plansIn(catalog: Catalog, regionId: string): Plan[] {
  return catalog.plans
    .filter((plan) => plan.regions.some((region) => region.id === regionId))
    .sort((a, b) => Number(BigInt(a.monthlyPrice) - BigInt(b.monthlyPrice)));
}
