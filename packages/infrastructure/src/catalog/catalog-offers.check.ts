import type { CloudOfferings, CloudProviders } from "@peykarband/application";
import type { CloudProviderName, Image } from "@peykarband/domain";
import type { CatalogDefinition } from "./catalog-file.ts";

/** An entry of the catalog file that a configured cloud does not offer, and what was done about it. */
export interface CatalogMismatch {
  readonly provider: CloudProviderName;
  /** The entry, as the file names it: `region "do-fra1"`, `plan "hz-cx22" in "hz-fsn1"`, `image "debian-12"`. */
  readonly entry: string;
  readonly problem: string;
  /** What the sync does: the entry is marked unavailable, or (images) not offered on that cloud. */
  readonly consequence: string;
}

/** A cloud whose offerings could not be read: its entries are synced as the file says. */
export interface UncheckedCloud {
  readonly provider: CloudProviderName;
  readonly reason: string;
}

export type CloudOfferingsByProvider = Readonly<Partial<Record<CloudProviderName, CloudOfferings>>>;

/**
 * The catalog as the clouds allow it: a region the cloud does not list is unavailable, a plan's
 * offer is unavailable where its size is not sold in that region, an image the cloud lacks is
 * dropped from that cloud. Nothing is removed or re-priced, so the next start, with the cloud
 * offering it again, brings the entry back as the file says. Clouds without offerings (not
 * configured, or unreadable) are left as the file says.
 */
export function checkCatalogOffers(
  catalog: CatalogDefinition,
  offerings: CloudOfferingsByProvider,
): { readonly catalog: CatalogDefinition; readonly mismatches: readonly CatalogMismatch[] } {
  const mismatches: CatalogMismatch[] = [];
  const unavailable = "marked unavailable";

  const regions = catalog.regions.map((region) => {
    const offered = offerings[region.provider];
    if (!offered || !region.isAvailable || offered.regions.includes(region.providerRegion)) return region;
    mismatches.push({
      provider: region.provider,
      entry: `region "${region.id}"`,
      problem: `${region.provider} lists no region "${region.providerRegion}"`,
      consequence: unavailable,
    });
    return { ...region, isAvailable: false };
  });
  const providerRegion = new Map(catalog.regions.map((r) => [r.id, r.providerRegion]));

  const plans = catalog.plans.map((plan) => {
    const offered = offerings[plan.provider];
    if (!offered) return plan;
    const offers = plan.offers.map((offer) => {
      const where = providerRegion.get(offer.regionId) ?? offer.regionId;
      const sizeRegions = offered.sizes[offer.providerSize];
      if (!offer.isAvailable || sizeRegions?.includes(where)) return offer;
      mismatches.push({
        provider: plan.provider,
        entry: `plan "${plan.id}" in "${offer.regionId}"`,
        problem: sizeRegions
          ? `${plan.provider} does not sell size "${offer.providerSize}" in "${where}"`
          : `${plan.provider} lists no size "${offer.providerSize}"`,
        consequence: unavailable,
      });
      return { ...offer, isAvailable: false };
    });
    return { ...plan, offers };
  });

  const images = catalog.images.map((image): Image => {
    const providerImages = { ...image.providerImages };
    for (const [provider, name] of Object.entries(image.providerImages) as [CloudProviderName, string][]) {
      const offered = offerings[provider];
      if (!offered) continue;
      const imageRegions = offered.images[name];
      if (!imageRegions) {
        mismatches.push({
          provider,
          entry: `image "${image.id}"`,
          problem: `${provider} lists no image "${name}"`,
          consequence: `not offered on ${provider}`,
        });
        delete providerImages[provider];
        continue;
      }
      // The catalog has no per-region images: a region without it is reported, the order there fails.
      const missing = regions.filter(
        (r) => r.provider === provider && r.isAvailable && !imageRegions.includes(r.providerRegion),
      );
      if (missing.length > 0)
        mismatches.push({
          provider,
          entry: `image "${image.id}"`,
          problem: `${provider} has no image "${name}" in ${missing.map((r) => `"${r.providerRegion}"`).join(", ")}`,
          consequence: "kept: orders of it there will fail and be refunded",
        });
    }
    return { ...image, providerImages };
  });

  return { catalog: { regions, plans, images }, mismatches };
}

/** Each configured cloud's offerings, read side by side; one that fails or is slow is left unchecked. */
export async function readCloudOfferings(
  providers: CloudProviders,
  deadlineMs: number,
): Promise<{ readonly offerings: CloudOfferingsByProvider; readonly unchecked: readonly UncheckedCloud[] }> {
  const offerings: Partial<Record<CloudProviderName, CloudOfferings>> = {};
  const unchecked: UncheckedCloud[] = [];
  await Promise.all(
    Object.values(providers).map(async (cloud) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), deadlineMs);
      });
      const read = await Promise.race([cloud.offerings(), late]).finally(() => clearTimeout(timer));
      if (read === "late") unchecked.push({ provider: cloud.name, reason: `no answer in ${deadlineMs} ms` });
      else if (!read.ok) unchecked.push({ provider: cloud.name, reason: read.error.message });
      else offerings[cloud.name] = read.value;
    }),
  );
  return { offerings, unchecked };
}
