import type { CloudFailure, CloudOfferings, CloudResult } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import { z } from "zod";

/** One GET of the adapter: deadline, retries and DigitalOcean's error terms included. */
export type DigitalOceanRead = <T>(path: string, shape: z.ZodType<T>, operation: string) => CloudResult<T>;

const pages = z.object({
  links: z.object({ pages: z.object({ next: z.string().optional() }).partial().optional() }).optional(),
});
const regionList = pages.extend({
  regions: z.array(z.object({ slug: z.string(), available: z.boolean() })),
});
const sizeList = pages.extend({
  sizes: z.array(z.object({ slug: z.string(), available: z.boolean(), regions: z.array(z.string()) })),
});
const imageList = pages.extend({
  images: z.array(z.object({ slug: z.string().nullable(), regions: z.array(z.string()) })),
});

const PER_PAGE = 200;
const MAX_PAGES = 50;

/** Regions, sizes and distribution images, from `/v2/regions`, `/v2/sizes` and `/v2/images`. */
export async function readDigitalOceanOfferings(
  read: DigitalOceanRead,
  failure: (detail: string) => CloudFailure,
): CloudResult<CloudOfferings> {
  const regions = await everyPage(read, "/v2/regions?", regionList, (p) => p.regions, failure);
  if (!regions.ok) return regions;
  const sizes = await everyPage(read, "/v2/sizes?", sizeList, (p) => p.sizes, failure);
  if (!sizes.ok) return sizes;
  const images = await everyPage(read, "/v2/images?type=distribution&", imageList, (p) => p.images, failure);
  if (!images.ok) return images;
  return ok({
    regions: regions.value.filter((r) => r.available).map((r) => r.slug),
    sizes: Object.fromEntries(sizes.value.filter((s) => s.available).map((s) => [s.slug, s.regions])),
    images: Object.fromEntries(
      images.value.flatMap((i) => (i.slug === null ? [] : [[i.slug, i.regions] as const])),
    ),
  });
}

async function everyPage<P extends z.infer<typeof pages>, T>(
  read: DigitalOceanRead,
  path: string,
  shape: z.ZodType<P>,
  items: (page: P) => readonly T[],
  failure: (detail: string) => CloudFailure,
): Promise<Result<T[], CloudFailure>> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await read(`${path}page=${page}&per_page=${PER_PAGE}`, shape, `GET ${path.split("?")[0]}`);
    if (!answer.ok) return answer;
    all.push(...items(answer.value));
    if (answer.value.links?.pages?.next === undefined) return ok(all);
  }
  return err(failure(`GET ${path.split("?")[0]}: pages never end`));
}
