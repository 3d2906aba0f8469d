import type { CloudProvider, CloudProviders } from "@peykarband/application";
import type { CloudProviderName } from "@peykarband/domain";
import type { Config } from "../config/config.ts";
import { DEFAULT_CLOUD_TIMING, type CloudTiming } from "./cloud.http-client.ts";
import {
  DIGITALOCEAN_PRODUCTION_URL,
  DigitalOceanCloudProvider,
} from "./digitalocean/digitalocean.cloud-provider.ts";
import { HETZNER_API_URL, HetznerCloudProvider } from "./hetzner/hetzner.cloud-provider.ts";
import type { OvhCredentials } from "./ovh/ovh-api.client.ts";
import { OvhCloudProvider } from "./ovh/ovh.cloud-provider.ts";

export const OVH_EU_URL = "https://eu.api.ovh.com/1.0";

type CloudConfig = Pick<
  Config,
  "sandbox" | "deploymentName" | "cloudEndpoints" | "cloudSecrets" | "ovhProjectId" | "ovhApplicationKey"
>;

/**
 * What the composition root knows beyond the environment: in sandbox mode, the in-process
 * simulators it started, each with its credentials. Each value wins over the configuration's.
 */
export interface CloudProviderOverrides {
  readonly digitalocean?: { readonly baseUrl: string; readonly token: string };
  readonly hetzner?: { readonly baseUrl: string; readonly token: string };
  readonly ovh?: {
    readonly baseUrl: string;
    /** Default OVH_EU_URL: the simulator stands in for it, and we sign as python-ovh would. */
    readonly signedBaseUrl?: string;
    readonly credentials: OvhCredentials;
    readonly serviceName: string;
  };
  /** Deadlines and retries; tests shorten them. */
  readonly timing?: Partial<CloudTiming>;
}

/**
 * The clouds this deployment sells. A cloud needs its credentials; without them it is left out
 * and its regions are unavailable. In production the endpoint defaults to the real API; in
 * sandbox mode there is no default, so no server is ever created at a real cloud by accident.
 */
export function createCloudProviders(
  config: CloudConfig,
  overrides: CloudProviderOverrides = {},
): CloudProviders {
  const timing = { ...DEFAULT_CLOUD_TIMING, ...overrides.timing };
  const deployment = config.deploymentName;
  const real = (url: string) => (config.sandbox ? null : url);
  const providers: Partial<Record<CloudProviderName, CloudProvider>> = {};

  const doUrl =
    overrides.digitalocean?.baseUrl ??
    config.cloudEndpoints.digitalocean ??
    real(DIGITALOCEAN_PRODUCTION_URL);
  const doToken = overrides.digitalocean?.token ?? config.cloudSecrets.digitaloceanToken;
  if (doUrl !== null && doToken !== null) {
    providers.DIGITALOCEAN = new DigitalOceanCloudProvider({
      baseUrl: doUrl,
      token: doToken,
      deployment,
      timing,
    });
  }

  const hetznerUrl = overrides.hetzner?.baseUrl ?? config.cloudEndpoints.hetzner ?? real(HETZNER_API_URL);
  const hetznerToken = overrides.hetzner?.token ?? config.cloudSecrets.hetznerToken;
  if (hetznerUrl !== null && hetznerToken !== null) {
    providers.HETZNER = new HetznerCloudProvider({
      baseUrl: hetznerUrl,
      token: hetznerToken,
      deployment,
      timing,
    });
  }

  const ovh = overrides.ovh ? { signedBaseUrl: OVH_EU_URL, ...overrides.ovh } : ovhFromConfig(config);
  if (ovh) providers.OVH = new OvhCloudProvider({ ...ovh, deployment, timing });
  return providers;
}

function ovhFromConfig(config: CloudConfig) {
  const { ovhProjectId, ovhApplicationKey } = config;
  const { ovhApplicationSecret, ovhConsumerKey } = config.cloudSecrets;
  const baseUrl = config.cloudEndpoints.ovh ?? (config.sandbox ? null : OVH_EU_URL);
  if (!baseUrl || !ovhProjectId || !ovhApplicationKey || !ovhApplicationSecret || !ovhConsumerKey)
    return null;
  return {
    baseUrl,
    serviceName: ovhProjectId,
    credentials: {
      applicationKey: ovhApplicationKey,
      applicationSecret: ovhApplicationSecret,
      consumerKey: ovhConsumerKey,
    },
  };
}
