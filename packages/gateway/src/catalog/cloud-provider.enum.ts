import { CLOUD_PROVIDERS, type CloudProviderName } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<CloudProviderName, string>> = {
  DIGITALOCEAN: "DigitalOcean (droplets).",
  HETZNER: "Hetzner Cloud.",
  OVH: "OVHcloud Public Cloud.",
};

export const CloudProviderEnum = Object.fromEntries(CLOUD_PROVIDERS.map((p) => [p, p])) as Record<
  CloudProviderName,
  CloudProviderName
>;

registerEnumType(CloudProviderEnum, {
  name: "CloudProvider",
  description: "The cloud a server runs on.",
  valuesConfig: Object.fromEntries(CLOUD_PROVIDERS.map((p) => [p, { description: DESCRIPTIONS[p] }])),
});
