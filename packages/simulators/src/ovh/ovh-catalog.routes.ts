import type { CloudRoute } from "../cloud/cloud-simulator.server.ts";
import { checkSignedCall } from "./ovh-auth.check.ts";
import {
  flavorJson,
  imageJson,
  isOvhRegion,
  OVH_REGIONS,
  OVH_SSH_KEYS,
  regionalFlavors,
  regionalImages,
} from "./ovh-inventory.ts";
import { API, PROJECT, projectRoute, type OvhContext } from "./ovh.context.ts";
import { badRequest, ovhJson } from "./ovh.replies.ts";

const OS_TYPES = ["baremetal-linux", "bsd", "linux", "windows"];

/**
 * The clock (`/auth/time`, unauthenticated), the account's projects, and a project's regions,
 * flavors, images and SSH keys.
 */
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
    {
      method: "GET",
      path: new RegExp(`^${API}/cloud/project$`),
      // Signed like every call, but about the account, not one project: the ids of its projects.
      handle: (call) =>
        checkSignedCall(call, context.credentials, context.clock, context.officialOrigin) ??
        ovhJson(200, [context.serviceName]),
    },
    projectRoute(context, {
      method: "GET",
      path: new RegExp(`^${PROJECT}/sshkey$`),
      handle: ({ url }) => {
        const { region, refused } = regionFilter(url);
        if (refused) return refused;
        const regions = region === undefined ? [...OVH_REGIONS] : [region];
        return ovhJson(
          200,
          OVH_SSH_KEYS.map((key) => ({ ...key, regions })),
        );
      },
    }),
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
