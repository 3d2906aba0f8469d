import { afterEach, describe, expect, it } from "vitest";
import { ProviderIdSequence } from "./cloud/provider-id.sequence.ts";
import { startCloudSimulators, type CloudSimulators } from "./cloud-simulators.ts";
import { ovhSignedFetch } from "./ovh/ovh-signed.fetch.ts";
import { ovhRegionalId } from "./index.ts";

const running: CloudSimulators[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((clouds) => clouds.close()));
});

async function start(): Promise<CloudSimulators> {
  const clouds = await startCloudSimulators({ faults: { actionMs: 0 } });
  running.push(clouds);
  return clouds;
}

// Read loosely on purpose: the simulators' own tests check these bodies against the specs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(url: string, token: string, method = "GET", body?: unknown): Promise<any> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json();
}

/** One server at each cloud, as the sandbox's adapters create them; their ids and public IPv4s. */
async function oneServerEach(clouds: CloudSimulators, n: number) {
  const { digitalocean, hetzner, ovh } = clouds;
  const droplet = (
    await call(`${digitalocean.url}/v2/droplets`, digitalocean.token, "POST", {
      name: `pk-${n}`,
      region: "fra1",
      size: "s-1vcpu-1gb",
      image: "ubuntu-24-04-x64",
    })
  ).droplet;
  const server = (
    await call(`${hetzner.url}/servers`, hetzner.token, "POST", {
      name: `pk-${n}`,
      server_type: "cx22",
      image: "ubuntu-24.04",
      location: "fsn1",
    })
  ).server;
  const instance = await ovhSignedFetch(
    "POST",
    `${ovh.url}/1.0/cloud/project/${ovh.serviceName}/instance`,
    { credentials: ovh.credentials },
    {
      name: `pk-${n}`,
      region: "GRA11",
      flavorId: ovhRegionalId("flavor", "d2-2", "GRA11"),
      imageId: ovhRegionalId("image", "Ubuntu 24.04", "GRA11"),
    },
  );
  expect(instance.status).toBe(200);
  const ovhId = (instance.json as { id: string }).id;
  // Actions take no time here: the next reads see every server up, with its addresses.
  const dropletNow = (await call(`${digitalocean.url}/v2/droplets/${droplet.id}`, digitalocean.token))
    .droplet;
  const ovhNow = await ovhSignedFetch(
    "GET",
    `${ovh.url}/1.0/cloud/project/${ovh.serviceName}/instance/${ovhId}`,
    { credentials: ovh.credentials },
  );
  return {
    ids: { digitalocean: droplet.id as number, hetzner: server.id as number, ovh: ovhId },
    ipv4: [
      dropletNow.networks.v4.find((n: { type: string }) => n.type === "public").ip_address as string,
      server.public_net.ipv4.ip as string,
      (ovhNow.json as { ipAddresses: { version: number; ip: string }[] }).ipAddresses.find(
        (a) => a.version === 4,
      )!.ip,
    ],
  };
}

describe("the sandbox's clouds across a restart", () => {
  it("never hand out a server id twice, and give every server its own documentation address", async () => {
    const first = await start();
    const before = [await oneServerEach(first, 1), await oneServerEach(first, 2)];
    await first.close();
    running.splice(0);
    const second = await start();
    const after = [await oneServerEach(second, 1), await oneServerEach(second, 2)];

    const all = [...before, ...after];
    for (const cloud of ["digitalocean", "hetzner", "ovh"] as const) {
      const ids = all.map((s) => s.ids[cloud]);
      expect(new Set(ids).size, `${cloud}: ${ids.join(", ")}`).toBe(ids.length);
    }
    expect(typeof after[0]!.ids.digitalocean).toBe("number");
    expect(Number.isSafeInteger(after[0]!.ids.hetzner)).toBe(true);
    expect(after[0]!.ids.ovh).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    // Within one run the three clouds share one pool: six servers, six addresses.
    const addresses = after.flatMap((s) => s.ipv4);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const ip of addresses) expect(ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
  });
});

describe("ProviderIdSequence", () => {
  it("follows the clock, and runs ahead of it only for ids drawn in the same millisecond", () => {
    let now = 1_800_000_000_000;
    const ids = new ProviderIdSequence(() => now);
    expect([ids.next(), ids.next(), ids.next()]).toEqual([now, now + 1, now + 2]);
    now += 1_000;
    expect(ids.next()).toBe(now);
    // A later lifetime starts from its own clock, past every id the earlier one drew.
    now += 5_000;
    expect(new ProviderIdSequence(() => now).next()).toBeGreaterThan(now - 5_000 + 2);
  });
});
