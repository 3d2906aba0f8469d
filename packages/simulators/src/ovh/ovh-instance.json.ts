import { flavorJson, imageJson, regionalFlavors, regionalImages } from "./ovh-inventory.ts";
import type { OvhInstance } from "./ovh-instance.store.ts";

/**
 * cloud.instance.Instance on the wire. The list gives ids only; one instance (get, create,
 * reinstall, resize) also carries the `flavor` and `image` objects.
 */
export function instanceJson(instance: OvhInstance, detail: boolean): Record<string, unknown> {
  const flavor = regionalFlavors(instance.region).find((f) => f.id === instance.flavorId);
  const image = regionalImages(instance.region).find((i) => i.id === instance.imageId);
  return {
    id: instance.id,
    name: instance.name,
    region: instance.region,
    status: instance.status,
    created: instance.created,
    flavorId: instance.flavorId,
    imageId: instance.imageId,
    ipAddresses: instance.ipAddresses.map((address) => ({ ...address })),
    sshKeyId: null,
    monthlyBilling: null,
    operationIds: [],
    planCode: flavor ? `${flavor.name}.consumption` : null,
    currentMonthOutgoingTraffic: null,
    availabilityZone: null,
    ...(detail
      ? {
          flavor: flavor ? flavorJson(flavor) : null,
          image: image ? imageJson(image) : null,
          sshKey: null,
          rescuePassword: null,
        }
      : {}),
  };
}
