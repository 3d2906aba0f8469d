import type { Image, Plan, Region } from "@peykarband/domain";

/**
 * Regions, images and plans as the operators' catalog file defines them (loaded into the database
 * at start). Reads only: the catalog changes by editing the file and restarting.
 */
export interface Catalog {
  regions(): Promise<Region[]>;
  images(): Promise<Image[]>;
  /** Every plan, or those offered in `regionId`. */
  plans(regionId?: string): Promise<Plan[]>;
  /** In the order of the ids; null where unknown. One query each, for DataLoaders. */
  regionsByIds(ids: readonly string[]): Promise<(Region | null)[]>;
  imagesByIds(ids: readonly string[]): Promise<(Image | null)[]>;
  plansByIds(ids: readonly string[]): Promise<(Plan | null)[]>;
}
