import type { CloudFailure, CloudOfferings, CloudResult } from "@peykarband/application";
import { ok } from "@peykarband/domain";
import { z } from "zod";
import { everyPage, type CloudRead } from "../every-page.ts";
import { digitalOceanPaged, digitalOceanPages } from "./digitalocean.pages.ts";

const regionList = digitalOceanPaged.extend({
  regions: z.array(z.object({ slug: z.string(), available: z.boolean() })),
});
const sizeList = digitalOceanPaged.extend({
  sizes: z.array(z.object({ slug: z.string(), available: z.boolean(), regions: z.array(z.string()) })),
});
const imageList = digitalOceanPaged.extend({
  images: z.array(z.object({ slug: z.string().nullable(), regions: z.array(z.string()) })),
});

const PER_PAGE = 200;
const MAX_PAGES = 50;

/** Regions, sizes and distribution images, from `/v2/regions`, `/v2/sizes` and `/v2/images`. */
export async function readDigitalOceanOfferings(
  read: CloudRead,
  failure: (detail: string) => CloudFailure,
): CloudResult<CloudOfferings> {
  const regions = await everyPage(
    read,
    list("/v2/regions", "", regionList, (p) => p.regions),
    failure,
  );
  if (!regions.ok) return regions;
  const sizes = await everyPage(
    read,
    list("/v2/sizes", "", sizeList, (p) => p.sizes),
    failure,
  );
  if (!sizes.ok) return sizes;
  const images = await everyPage(
    read,
    list("/v2/images", "type=distribution&", imageList, (p) => p.images),
    failure,
  );
  if (!images.ok) return images;
  return ok({
    regions: regions.value.filter((r) => r.available).map((r) => r.slug),
    sizes: Object.fromEntries(sizes.value.filter((s) => s.available).map((s) => [s.slug, s.regions])),
    images: Object.fromEntries(
      images.value.flatMap((i) => (i.slug === null ? [] : [[i.slug, i.regions] as const])),
    ),
  });
}

function list<P extends z.infer<typeof digitalOceanPaged>, T>(
  path: string,
  filter: string,
  shape: z.ZodType<P>,
  items: (answer: P) => readonly T[],
) {
  const first = `${path}?${filter}page=1&per_page=${PER_PAGE}`;
  return { operation: `GET ${path}`, shape, pages: digitalOceanPages(first), items, maxPages: MAX_PAGES };
}
