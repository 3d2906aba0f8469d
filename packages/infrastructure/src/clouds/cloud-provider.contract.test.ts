import { cloudProviderContract } from "@peykarband/application/testing/contracts";
import { startDigitalOceanSimulator, startHetznerSimulator, startOvhSimulator } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import type { CloudTiming } from "./cloud.http-client.ts";
import { DigitalOceanCloudProvider } from "./digitalocean/digitalocean.cloud-provider.ts";
import { HetznerCloudProvider } from "./hetzner/hetzner.cloud-provider.ts";
import { OvhCloudProvider } from "./ovh/ovh.cloud-provider.ts";

const TIMING: CloudTiming = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
  maxRetries: 2,
  retryDelayMs: 10,
  maxRateLimitWaitMs: 3_000,
};
const ACTION_MS = 100;
const userData = "#cloud-config\nhostname: web-1\n";

describe("DigitalOceanCloudProvider keeps the CloudProvider contract against the DigitalOcean simulator", () => {
  cloudProviderContract(async () => {
    const sim = await startDigitalOceanSimulator({ faults: { actionMs: ACTION_MS } });
    return {
      cloud: new DigitalOceanCloudProvider({
        baseUrl: sim.url,
        token: sim.token,
        deployment: "contract",
        timing: TIMING,
        powerOffPollMs: 20,
        powerOffWaitMs: 3_000,
      }),
      spec: (serverId) => ({
        serverId,
        region: "fra1",
        size: "s-1vcpu-1gb",
        image: "ubuntu-24-04-x64",
        userData,
      }),
      newId: randomUUID,
      unknownProviderServerId: "999999999",
      close: () => sim.close(),
    };
  });
});

describe("HetznerCloudProvider keeps the CloudProvider contract against the Hetzner simulator", () => {
  cloudProviderContract(async () => {
    const sim = await startHetznerSimulator({ faults: { actionMs: ACTION_MS } });
    return {
      cloud: new HetznerCloudProvider({
        baseUrl: sim.url,
        token: sim.token,
        deployment: "contract",
        timing: TIMING,
        resizeTiming: { actionPollMs: 20, actionWaitMs: 5_000 },
      }),
      spec: (serverId) => ({ serverId, region: "fsn1", size: "cx22", image: "ubuntu-24.04", userData }),
      newId: randomUUID,
      unknownProviderServerId: "999999999",
      close: () => sim.close(),
    };
  });
});

describe("OvhCloudProvider keeps the CloudProvider contract against the OVH simulator", () => {
  cloudProviderContract(async () => {
    const sim = await startOvhSimulator({ faults: { actionMs: ACTION_MS } });
    return {
      cloud: new OvhCloudProvider({
        baseUrl: `${sim.url}/1.0`,
        // Signed as python-ovh signs: over the official URL the simulator stands in for.
        signedBaseUrl: "https://eu.api.ovh.com/1.0",
        credentials: sim.credentials,
        serviceName: sim.serviceName,
        deployment: "contract",
        timing: TIMING,
      }),
      spec: (serverId) => ({ serverId, region: "GRA11", size: "d2-2", image: "Ubuntu 24.04", userData }),
      newId: randomUUID,
      unknownProviderServerId: randomUUID(),
      close: () => sim.close(),
    };
  });
});
