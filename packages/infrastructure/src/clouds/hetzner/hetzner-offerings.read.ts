import type { CloudFailure, CloudOfferings, CloudResult } from "@peykarband/application";
import { ok } from "@peykarband/domain";
import { z } from "zod";
import { everyPage, type CloudRead } from "../every-page.ts";
import { hetznerPaged, hetznerPages } from "./hetzner.pages.ts";

const locationList = hetznerPaged.extend({ locations: z.array(z.object({ name: z.string() })) });
const serverTypeList = hetznerPaged.extend({
  server_types: z.array(
    z.object({
      name: z.string(),
      prices: z.array(z.object({ location: z.string() })),
      // Newer answers say per location whether the type can be ordered there.
      locations: z.array(z.object({ name: z.string(), available: z.boolean().optional() })).optional(),
    }),
  ),
});
const imageList = hetznerPaged.extend({ images: z.array(z.object({ name: z.string().nullable() })) });

const PER_PAGE = 50;
const MAX_PAGES = 50;

/**
 * Locations, server types and system images, from `/locations`, `/server_types` and `/images`. A
 * type is offered where it has a price (or, when the answer says so, where it is available); a
 * system image exists in every location.
 */
export async function readHetznerOfferings(
  read: CloudRead,
  failure: (detail: string) => CloudFailure,
): CloudResult<CloudOfferings> {
  const locations = await everyPage(
    read,
    list("/locations", "", locationList, (p) => p.locations),
    failure,
  );
  if (!locations.ok) return locations;
  const types = await everyPage(
    read,
    list("/server_types", "", serverTypeList, (p) => p.server_types),
    failure,
  );
  if (!types.ok) return types;
  const images = await everyPage(
    read,
    list("/images", "type=system&status=available&", imageList, (p) => p.images),
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

function list<P extends z.infer<typeof hetznerPaged>, T>(
  path: string,
  filter: string,
  shape: z.ZodType<P>,
  items: (answer: P) => readonly T[],
) {
  const pages = hetznerPages((page) => `${path}?${filter}page=${page}&per_page=${PER_PAGE}`);
  return { operation: `list ${path.slice(1)}`, shape, pages, items, maxPages: MAX_PAGES };
}
