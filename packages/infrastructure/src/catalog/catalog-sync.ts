import { and, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../database/database.ts";
import { images, planOffers, plans, regions } from "../database/schema.ts";
import type { CloudProviders } from "@peykarband/application";
import { loadCatalogFile, type CatalogDefinition } from "./catalog-file.ts";
import {
  checkCatalogOffers,
  readCloudOfferings,
  type CatalogMismatch,
  type UncheckedCloud,
} from "./catalog-offers.check.ts";

const excluded = (columns: Record<string, PgColumn>): Record<string, SQL> =>
  Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );

const offerKey = (planId: string, regionId: string) => `${planId}/${regionId}`;

/**
 * Makes the catalog tables say what the file says, in one transaction at start. Entries missing
 * from the file are retired, never deleted (servers reference them); an entry that comes back is
 * brought back. Replicas starting together may both run it: each upsert is idempotent.
 */
export async function syncCatalog(db: Db, catalog: CatalogDefinition, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const regionIds = catalog.regions.map((r) => r.id);
    if (catalog.regions.length > 0)
      await tx
        .insert(regions)
        .values(catalog.regions.map((r, position) => ({ ...r, position, retiredAt: null, updatedAt: at })))
        .onConflictDoUpdate({
          target: regions.id,
          set: excluded({
            name: regions.name,
            provider: regions.provider,
            country: regions.country,
            city: regions.city,
            providerRegion: regions.providerRegion,
            isAvailable: regions.isAvailable,
            position: regions.position,
            retiredAt: regions.retiredAt,
            updatedAt: regions.updatedAt,
          }),
        });
    await tx
      .update(regions)
      .set({ retiredAt: at, updatedAt: at })
      .where(
        and(isNull(regions.retiredAt), regionIds.length > 0 ? notInArray(regions.id, regionIds) : undefined),
      );

    const imageIds = catalog.images.map((i) => i.id);
    if (catalog.images.length > 0)
      await tx
        .insert(images)
        .values(
          catalog.images.map((i, position) => ({
            position,
            id: i.id,
            name: i.name,
            distribution: i.distribution,
            version: i.version,
            providerImages: i.providerImages as Record<string, string>,
            retiredAt: null,
            updatedAt: at,
          })),
        )
        .onConflictDoUpdate({
          target: images.id,
          set: excluded({
            name: images.name,
            distribution: images.distribution,
            version: images.version,
            providerImages: images.providerImages,
            position: images.position,
            retiredAt: images.retiredAt,
            updatedAt: images.updatedAt,
          }),
        });
    await tx
      .update(images)
      .set({ retiredAt: at, updatedAt: at })
      .where(
        and(isNull(images.retiredAt), imageIds.length > 0 ? notInArray(images.id, imageIds) : undefined),
      );

    const planIds = catalog.plans.map((p) => p.id);
    if (catalog.plans.length > 0)
      await tx
        .insert(plans)
        .values(
          catalog.plans.map((p, position) => ({
            position,
            id: p.id,
            name: p.name,
            provider: p.provider,
            vcpus: p.vcpus,
            memoryMb: p.memoryMb,
            diskGb: p.diskGb,
            costCurrency: p.cost.currency,
            monthlyCostMinor: p.cost.monthlyMinor,
            hourlyPrice: p.hourlyPrice.amount,
            monthlyPrice: p.monthlyPrice.amount,
            retiredAt: null,
            updatedAt: at,
          })),
        )
        .onConflictDoUpdate({
          target: plans.id,
          set: excluded({
            name: plans.name,
            provider: plans.provider,
            vcpus: plans.vcpus,
            memoryMb: plans.memoryMb,
            diskGb: plans.diskGb,
            costCurrency: plans.costCurrency,
            monthlyCostMinor: plans.monthlyCostMinor,
            hourlyPrice: plans.hourlyPrice,
            monthlyPrice: plans.monthlyPrice,
            position: plans.position,
            retiredAt: plans.retiredAt,
            updatedAt: plans.updatedAt,
          }),
        });
    await tx
      .update(plans)
      .set({ retiredAt: at, updatedAt: at })
      .where(and(isNull(plans.retiredAt), planIds.length > 0 ? notInArray(plans.id, planIds) : undefined));

    const offers = catalog.plans.flatMap((p) =>
      p.offers.map((o, position) => ({ ...o, position, planId: p.id })),
    );
    if (offers.length > 0)
      await tx
        .insert(planOffers)
        .values(offers.map((o) => ({ ...o, retiredAt: null, updatedAt: at })))
        .onConflictDoUpdate({
          target: [planOffers.planId, planOffers.regionId],
          set: excluded({
            providerSize: planOffers.providerSize,
            isAvailable: planOffers.isAvailable,
            position: planOffers.position,
            retiredAt: planOffers.retiredAt,
            updatedAt: planOffers.updatedAt,
          }),
        });
    const offerKeys = offers.map((o) => offerKey(o.planId, o.regionId));
    await tx
      .update(planOffers)
      .set({ retiredAt: at, updatedAt: at })
      .where(
        and(
          isNull(planOffers.retiredAt),
          offerKeys.length > 0
            ? sql`(${planOffers.planId} || '/' || ${planOffers.regionId}) not in ${offerKeys}`
            : undefined,
        ),
      );
  });
}

/** What the sync did: the catalog as written, and where the clouds disagreed with the file. */
export interface CatalogSyncReport {
  readonly catalog: CatalogDefinition;
  readonly mismatches: readonly CatalogMismatch[];
  readonly unchecked: readonly UncheckedCloud[];
}

/** How long a start waits for a cloud's lists before syncing its entries unchecked. */
const OFFERINGS_DEADLINE_MS = 15_000;

/**
 * What the program does at start: read and check the operators' file, check it against what each
 * configured cloud offers (docs/provisioning.md, "The catalog and the clouds"), then sync the
 * tables to the result.
 */
export async function syncCatalogFile(
  db: Db,
  file: string,
  at: Date,
  clouds: { readonly providers: CloudProviders; readonly deadlineMs?: number } = { providers: {} },
): Promise<CatalogSyncReport> {
  const fromFile = await loadCatalogFile(file);
  const { offerings, unchecked } = await readCloudOfferings(
    clouds.providers,
    clouds.deadlineMs ?? OFFERINGS_DEADLINE_MS,
  );
  const { catalog, mismatches } = checkCatalogOffers(fromFile, offerings);
  await syncCatalog(db, catalog, at);
  return { catalog, mismatches, unchecked };
}
