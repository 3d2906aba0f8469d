import {
  createPeykarbandClient,
  type CloudProvider,
  type PlansQuery,
  type RegionsQuery,
} from "@peykarband/sdk";

export type Plan = PlansQuery["plans"][number];
export type Region = RegionsQuery["regions"][number];

export interface Catalog {
  readonly plans: readonly Plan[];
  readonly regions: readonly Region[];
}

/** The API is always on the page's own origin: the gateway serves both, a CDN routes /graphql to it. */
const API_PATH = "/graphql";

/** Plans with prices and every region, read live through the SDK (both are open to everyone). */
export async function loadCatalog(signal: AbortSignal): Promise<Catalog> {
  const client = createPeykarbandClient({
    url: new URL(API_PATH, window.location.href).href,
    headers: { "accept-language": "fa" },
  });
  const [{ plans }, { regions }] = await Promise.all([
    client.Plans({}, undefined, signal),
    client.Regions({}, undefined, signal),
  ]);
  return { plans, regions };
}

/** The cheapest first, so a reader finds the smallest server at the top of each cloud's list. */
export function plansOf(catalog: Catalog, provider: CloudProvider): Plan[] {
  return catalog.plans
    .filter((plan) => plan.provider === provider)
    .sort((a, b) => Number(BigInt(a.monthlyPrice) - BigInt(b.monthlyPrice)));
}
