import type { Catalog } from "@peykarband/application";
import {
  isCloudProviderName,
  Rial,
  type CloudProviderName,
  type Image,
  type Plan,
  type Region,
} from "@peykarband/domain";
import type { Db } from "../database/database.ts";
import { images, planOffers, plans, regions } from "../database/schema.ts";

interface Loaded {
  readonly regions: Map<string, Region>;
  readonly images: Map<string, Image>;
  readonly plans: Map<string, Plan>;
  /** What the lists show: entries still in the catalog file. */
  readonly listedRegions: Region[];
  readonly listedImages: Image[];
  readonly listedPlans: Plan[];
}

function providerOf(value: string): CloudProviderName {
  if (!isCloudProviderName(value)) throw new Error(`stored catalog provider is unknown: ${value}`);
  return value;
}

/**
 * The Catalog port over the catalog tables. The catalog changes only by editing the file and
 * restarting (the sync runs at start, before this is read), so the whole of it is read once, on
 * first use, and kept in memory: the *ByIds calls behind every `servers { plan region image }`
 * cost no SQL per request.
 *
 * Retired entries (dropped from the file) are not listed but are still found by id, because
 * servers reference them: a retired region or plan is unavailable everywhere, and a retired image
 * is offered by no provider, so nothing new can be ordered with them.
 */
export class DrizzleCatalog implements Catalog {
  private loaded: Promise<Loaded> | null = null;

  constructor(private readonly db: Db) {}

  async regions(): Promise<Region[]> {
    return [...(await this.load()).listedRegions];
  }

  async images(): Promise<Image[]> {
    return [...(await this.load()).listedImages];
  }

  async plans(regionId?: string): Promise<Plan[]> {
    const { listedPlans } = await this.load();
    if (regionId === undefined) return [...listedPlans];
    return listedPlans.filter((plan) => plan.offers.some((offer) => offer.regionId === regionId));
  }

  async regionsByIds(ids: readonly string[]): Promise<(Region | null)[]> {
    const loaded = await this.load();
    return ids.map((id) => loaded.regions.get(id) ?? null);
  }

  async imagesByIds(ids: readonly string[]): Promise<(Image | null)[]> {
    const loaded = await this.load();
    return ids.map((id) => loaded.images.get(id) ?? null);
  }

  async plansByIds(ids: readonly string[]): Promise<(Plan | null)[]> {
    const loaded = await this.load();
    return ids.map((id) => loaded.plans.get(id) ?? null);
  }

  private load(): Promise<Loaded> {
    this.loaded ??= this.read().catch((error: unknown) => {
      // A failed first read (database not up yet) is not remembered: the next call tries again.
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private async read(): Promise<Loaded> {
    const [regionRows, imageRows, planRows, offerRows] = await Promise.all([
      this.db.select().from(regions).orderBy(regions.position, regions.id),
      this.db.select().from(images).orderBy(images.position, images.id),
      this.db.select().from(plans).orderBy(plans.position, plans.id),
      this.db.select().from(planOffers).orderBy(planOffers.planId, planOffers.position, planOffers.regionId),
    ]);
    const regionList = regionRows.map((row) => ({
      region: {
        id: row.id,
        name: row.name,
        provider: providerOf(row.provider),
        country: row.country,
        city: row.city,
        providerRegion: row.providerRegion,
        isAvailable: row.isAvailable && row.retiredAt === null,
      } satisfies Region,
      listed: row.retiredAt === null,
    }));
    const regionById = new Map(regionList.map(({ region }) => [region.id, region]));
    const imageList = imageRows.map((row) => ({
      image: {
        id: row.id,
        name: row.name,
        distribution: row.distribution,
        version: row.version,
        providerImages: row.retiredAt === null ? filterProviders(row.providerImages) : {},
      } satisfies Image,
      listed: row.retiredAt === null,
    }));
    const planList = planRows.map((row) => {
      const retired = row.retiredAt !== null;
      const offers = offerRows
        .filter((offer) => offer.planId === row.id && offer.retiredAt === null)
        .map((offer) => ({
          regionId: offer.regionId,
          providerSize: offer.providerSize,
          isAvailable:
            !retired && offer.isAvailable && (regionById.get(offer.regionId)?.isAvailable ?? false),
        }));
      const plan: Plan = {
        id: row.id,
        name: row.name,
        provider: providerOf(row.provider),
        vcpus: row.vcpus,
        memoryMb: row.memoryMb,
        diskGb: row.diskGb,
        hourlyPrice: Rial.of(row.hourlyPrice),
        monthlyPrice: Rial.of(row.monthlyPrice),
        offers,
      };
      return { plan, listed: !retired };
    });
    return {
      regions: regionById,
      images: new Map(imageList.map(({ image }) => [image.id, image])),
      plans: new Map(planList.map(({ plan }) => [plan.id, plan])),
      listedRegions: regionList.filter((r) => r.listed).map((r) => r.region),
      listedImages: imageList.filter((i) => i.listed).map((i) => i.image),
      listedPlans: planList.filter((p) => p.listed).map((p) => p.plan),
    };
  }
}

function filterProviders(stored: Record<string, string>): Partial<Record<CloudProviderName, string>> {
  return Object.fromEntries(Object.entries(stored).filter(([provider]) => isCloudProviderName(provider)));
}
