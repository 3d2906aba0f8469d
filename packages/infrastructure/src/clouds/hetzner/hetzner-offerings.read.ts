import type { CloudFailure, CloudOfferings, CloudResult } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import { z } from "zod";

/** One GET of the adapter, expecting 200: deadline, retries and Hetzner's error terms included. */
export type HetznerRead = <T>(path: string, shape: z.ZodType<T>, operation: string) => CloudResult<T>;

const paged = z.object({
  meta: z.object({ pagination: z.object({ next_page: z.number().int().positive().nullable() }) }),
});
const locationList = paged.extend({ locations: z.array(z.object({ name: z.string() })) });
const serverTypeList = paged.extend({
  server_types: z.array(
    z.object({
      name: z.string(),
      prices: z.array(z.object({ location: z.string() })),
      // Newer answers say per location whether the type can be ordered there.
      locations: z.array(z.object({ name: z.string(), available: z.boolean().optional() })).optional(),
    }),
  ),
});
const imageList = paged.extend({ images: z.array(z.object({ name: z.string().nullable() })) });

const PER_PAGE = 50;
const MAX_PAGES = 50;

/**
 * Locations, server types and system images, from `/locations`, `/server_types` and `/images`. A
 * type is offered where it has a price (or, when the answer says so, where it is available); a
 * system image exists in every location.
 */
export async function readHetznerOfferings(
  read: HetznerRead,
  failure: (detail: string) => CloudFailure,
): CloudResult<CloudOfferings> {
  const locations = await everyPage(read, "/locations?", locationList, (p) => p.locations, failure);
  if (!locations.ok) return locations;
  const types = await everyPage(read, "/server_types?", serverTypeList, (p) => p.server_types, failure);
  if (!types.ok) return types;
  const images = await everyPage(
    read,
    "/images?type=system&status=available&",
    imageList,
    (p) => p.images,
    failure,
  );
  if (!images.ok) return images;
  const regions = locations.value.map((l) => l.name);
  return ok({
    regions,
    sizes: Object.fromEntries(
      types.value.map((t) => [
        t.name,
        t.locations
          ? t.locations.filter((l) => l.available !== false).map((l) => l.name)
          : t.prices.map((p) => p.location),
      ]),
    ),
    images: Object.fromEntries(images.value.flatMap((i) => (i.name === null ? [] : [[i.name, regions]]))),
  });
}

async function everyPage<P extends z.infer<typeof paged>, T>(
  read: HetznerRead,
  path: string,
  shape: z.ZodType<P>,
  items: (page: P) => readonly T[],
  failure: (detail: string) => CloudFailure,
): Promise<Result<T[], CloudFailure>> {
  const all: T[] = [];
  const operation = `list ${path.slice(1).split("?")[0]}`;
  for (let page = 1, pages = 0; pages < MAX_PAGES; pages++) {
    const answer = await read(`${path}page=${page}&per_page=${PER_PAGE}`, shape, operation);
    if (!answer.ok) return answer;
    all.push(...items(answer.value));
    const next = answer.value.meta.pagination.next_page;
    if (next === null) return ok(all);
    if (next <= page) return err(failure(`${operation}: page ${page} points back to ${next}`));
    page = next;
  }
  return err(failure(`${operation}: pagination does not end`));
}
