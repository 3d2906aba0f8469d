/** The clouds servers are created on. */
export const CLOUD_PROVIDERS = ["DIGITALOCEAN", "HETZNER", "OVH"] as const;
export type CloudProviderName = (typeof CLOUD_PROVIDERS)[number];

export const isCloudProviderName = (value: string): value is CloudProviderName =>
  (CLOUD_PROVIDERS as readonly string[]).includes(value);
