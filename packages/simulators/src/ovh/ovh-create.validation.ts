import type { Reply } from "../shared/reply.ts";
import { isOvhRegion, regionalFlavors, regionalImages } from "./ovh-inventory.ts";
import type { NewInstance } from "./ovh-instance.store.ts";
import { badRequest } from "./ovh.replies.ts";

const MAX_NAME_LENGTH = 255;
/** OpenStack's limit on user data, which OVH passes through. */
const MAX_USER_DATA_BYTES = 65_535;

/** The body of `POST …/instance` (cloud.ProjectInstanceCreation), checked the way OVH checks it. */
export function readInstanceCreation(raw: string): { instance: NewInstance } | { refused: Reply } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { refused: badRequest("Invalid JSON received") };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { refused: badRequest("Invalid JSON received") };
  }
  const fields = body as Record<string, unknown>;
  for (const name of ["flavorId", "name", "region"]) {
    if (fields[name] === undefined || fields[name] === null) {
      return { refused: badRequest(`[${name}] Property is mandatory`) };
    }
  }
  for (const name of ["flavorId", "name", "region", "imageId", "userData", "sshKeyId"]) {
    const value = fields[name];
    if (value !== undefined && value !== null && typeof value !== "string") {
      return {
        refused: badRequest(`[${name}] Given data (${JSON.stringify(value)}) is not valid for type string`),
      };
    }
  }
  const { name, region, flavorId } = fields as { name: string; region: string; flavorId: string };
  const imageId = fields.imageId as string | null | undefined;
  const userData = (fields.userData as string | null | undefined) ?? null;

  if (name.length === 0 || name.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(name)) {
    return { refused: badRequest(`Invalid instance name: 1 to ${MAX_NAME_LENGTH} printable characters`) };
  }
  if (!isOvhRegion(region)) return { refused: badRequest(`Invalid region: ${region}`) };
  if (!regionalFlavors(region).some((f) => f.id === flavorId)) {
    return { refused: badRequest(`Flavor ${flavorId} does not exist in region ${region}`) };
  }
  if (!imageId) return { refused: badRequest("An imageId or a volumeId is required to boot an instance") };
  if (!regionalImages(region).some((i) => i.id === imageId)) {
    return { refused: badRequest(`Image ${imageId} does not exist in region ${region}`) };
  }
  if (userData !== null && Buffer.byteLength(userData) > MAX_USER_DATA_BYTES) {
    return { refused: badRequest(`[userData] must be at most ${MAX_USER_DATA_BYTES} bytes`) };
  }
  return { instance: { name, region, flavorId, imageId, userData } };
}
