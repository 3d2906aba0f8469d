import { describe, expect, it } from "vitest";
import { createCloudProviders } from "./create-cloud-providers.ts";

const none = {
  cloudEndpoints: { digitalocean: null, hetzner: null, ovh: null },
  cloudSecrets: {
    digitaloceanToken: null,
    hetznerToken: null,
    ovhApplicationSecret: null,
    ovhConsumerKey: null,
  },
  ovhProjectId: null,
  ovhApplicationKey: null,
  deploymentName: "pk-test",
};
const allCredentials = {
  ...none,
  cloudSecrets: {
    digitaloceanToken: "dop_v1_0123456789",
    hetznerToken: "hz0123456789",
    ovhApplicationSecret: "secret0123456789",
    ovhConsumerKey: "consumer0123456789",
  },
  ovhProjectId: "project1",
  ovhApplicationKey: "appkey0123",
};

describe("createCloudProviders", () => {
  it("offers no cloud in the sandbox unless an endpoint is configured: nothing real by accident", () => {
    expect(createCloudProviders({ ...allCredentials, sandbox: true })).toEqual({});
    const configured = createCloudProviders({
      ...allCredentials,
      sandbox: true,
      cloudEndpoints: { digitalocean: "http://127.0.0.1:9", hetzner: null, ovh: null },
    });
    expect(Object.keys(configured)).toEqual(["DIGITALOCEAN"]);
  });

  it("offers in production every cloud whose credentials are all there, on the real endpoints", () => {
    expect(Object.keys(createCloudProviders({ ...none, sandbox: false }))).toEqual([]);
    const providers = createCloudProviders({ ...allCredentials, sandbox: false });
    expect(Object.keys(providers).sort()).toEqual(["DIGITALOCEAN", "HETZNER", "OVH"]);
    expect(providers.OVH?.name).toBe("OVH");
    const withoutOvhKey = createCloudProviders({
      ...allCredentials,
      ovhApplicationKey: null,
      sandbox: false,
    });
    expect(withoutOvhKey.OVH).toBeUndefined();
  });

  it("lets the composition root point a cloud at a simulator", () => {
    const providers = createCloudProviders(
      { ...none, sandbox: true },
      { hetzner: { baseUrl: "http://127.0.0.1:9/v1", token: "simulated-token" } },
    );
    expect(Object.keys(providers)).toEqual(["HETZNER"]);
  });
});
