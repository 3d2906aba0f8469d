import type { CloudOfferings, CloudResult } from "@peykarband/application";
import { ok } from "@peykarband/domain";
import { z } from "zod";
import type { OvhApiClient } from "./ovh-api.client.ts";
import { ovhFlavor, ovhImage } from "./ovh.wire.ts";

/**
 * The project's regions, flavors and Linux images (`/region`, `/flavor`, `/image`), each list whole:
 * OVH does not page them. A flavor or image counts where OVH says it is usable.
 */
export async function readOvhOfferings(api: OvhApiClient, project: string): CloudResult<CloudOfferings> {
  const get = <T>(path: string, shape: z.ZodType<T>) =>
    api.http.retrying(async () => {
      const answer = await api.send({ method: "GET", path: `${project}${path}` });
      return answer.ok ? api.read(answer.value, shape, `GET ${path.split("?")[0]}`) : answer;
    });
  const regions = await get("/region", z.array(z.string()));
  if (!regions.ok) return regions;
  const flavors = await get("/flavor", z.array(ovhFlavor));
  if (!flavors.ok) return flavors;
  const images = await get("/image?osType=linux", z.array(ovhImage));
  if (!images.ok) return images;
  return ok({
    regions: regions.value,
    sizes: byName(flavors.value.filter((f) => f.available)),
    images: byName(images.value.filter((i) => i.status === "active")),
  });
}

function byName(entries: readonly { name: string; region: string }[]): Record<string, string[]> {
  const regions: Record<string, string[]> = {};
  for (const { name, region } of entries) (regions[name] ??= []).push(region);
  return regions;
}
