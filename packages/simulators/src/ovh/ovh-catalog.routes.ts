import type { CloudRoute } from "../cloud/cloud-simulator.server.ts";
import {
  flavorJson,
  imageJson,
  isOvhRegion,
  OVH_REGIONS,
  regionalFlavors,
  regionalImages,
} from "./ovh-inventory.ts";
import { API, PROJECT, projectRoute, type OvhContext } from "./ovh.context.ts";
import { badRequest, ovhJson } from "./ovh.replies.ts";

const OS_TYPES = ["baremetal-linux", "bsd", "linux", "windows"];

/** The clock (`/auth/time`, unauthenticated) and the project's regions, flavors and images. */
export function ovhCatalogRoutes(context: OvhContext): CloudRoute[] {
  const regionFilter = (url: URL): { region?: string; refused?: ReturnType<typeof badRequest> } => {
    const region = url.searchParams.get("region");
    if (region === null) return {};
    return isOvhRegion(region) ? { region } : { refused: badRequest(`Invalid region: ${region}`) };
  };

  return [
    {
      method: "GET",
      path: new RegExp(`^${API}/auth/time$`),
      exempt: true,
      handle: () => ovhJson(200, context.clock.now()),
    },
    projectRoute(context, {
      method: "GET",
      path: new RegExp(`^${PROJECT}/region$`),
      handle: () => ovhJson(200, [...OVH_REGIONS]),
    }),
    projectRoute(context, {
      method: "GET",
      path: new RegExp(`^${PROJECT}/flavor$`),
      handle: ({ url }) => {
        const { region, refused } = regionFilter(url);
        return refused ?? ovhJson(200, regionalFlavors(region).map(flavorJson));
      },
    }),
    projectRoute(context, {
      method: "GET",
      path: new RegExp(`^${PROJECT}/image$`),
      handle: ({ url }) => {
        const { region, refused } = regionFilter(url);
        if (refused) return refused;
        const osType = url.searchParams.get("osType");
        if (osType !== null && !OS_TYPES.includes(osType)) {
          return badRequest(`[osType] Given data (${osType}) does not belong to the OSTypeEnum enumeration`);
        }
        // Every simulated image is a Linux one: another osType finds none.
        const images = osType === null || osType === "linux" ? regionalImages(region) : [];
        return ovhJson(200, images.map(imageJson));
      },
    }),
  ];
}
