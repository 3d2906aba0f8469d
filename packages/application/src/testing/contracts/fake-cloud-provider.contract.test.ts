import { describe } from "vitest";
import { sequentialIds } from "../fake-crypto.ts";
import { FakeCloudProvider } from "../fake-cloud-provider.ts";
import { cloudProviderContract } from "./cloud-provider.contract.ts";

describe("FakeCloudProvider keeps the CloudProvider contract", () => {
  cloudProviderContract(async () => ({
    cloud: new FakeCloudProvider(),
    spec: (serverId) => ({ serverId, region: "fra1", size: "small", image: "ubuntu", userData: "" }),
    newId: sequentialIds().newId,
    unknownProviderServerId: "999999",
  }));
});
