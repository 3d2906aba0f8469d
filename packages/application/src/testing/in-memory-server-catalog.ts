import { planPrices, type CloudProviderName, type Image, type Plan, type Region } from "@peykarband/domain";
import type { Catalog } from "../ports/catalog.ts";

export class InMemoryCatalog implements Catalog {
  constructor(
    readonly regionList: Region[],
    readonly imageList: Image[],
    readonly planList: Plan[],
  ) {}

  async regions() {
    return [...this.regionList];
  }
  async images() {
    return [...this.imageList];
  }
  async plans(regionId?: string) {
    return this.planList.filter((p) => !regionId || p.offers.some((o) => o.regionId === regionId));
  }
  async regionsByIds(ids: readonly string[]) {
    return ids.map((id) => this.regionList.find((r) => r.id === id) ?? null);
  }
  async imagesByIds(ids: readonly string[]) {
    return ids.map((id) => this.imageList.find((i) => i.id === id) ?? null);
  }
  async plansByIds(ids: readonly string[]) {
    return ids.map((id) => this.planList.find((p) => p.id === id) ?? null);
  }
}

const region = (
  provider: CloudProviderName,
  id: string,
  providerRegion: string,
  city: string,
  country: string,
): Region => ({
  id,
  name: city,
  provider,
  country,
  city,
  providerRegion,
  isAvailable: true,
});

const plan = (
  provider: CloudProviderName,
  id: string,
  providerSize: string,
  regionIds: string[],
  shape: [vcpus: number, memoryMb: number, diskGb: number],
  monthlyMinorUnits: bigint,
): Plan => {
  const prices = planPrices({
    monthlyMinorUnits,
    minorUnitsPerUnit: 100n,
    rialsPerUnit: 1_000_000n,
    markupPercent: 20,
  });
  if (!prices.ok) throw new Error(prices.error.message);
  return {
    id,
    name: providerSize,
    provider,
    vcpus: shape[0],
    memoryMb: shape[1],
    diskGb: shape[2],
    hourlyPrice: prices.value.hourly,
    monthlyPrice: prices.value.monthly,
    offers: regionIds.map((regionId) => ({ regionId, providerSize, isAvailable: true })),
  };
};

const DO = ["do-fra1", "do-ams3", "do-nyc3"];
const HZ = ["hz-fsn1", "hz-nbg1", "hz-hel1"];
const OVH = ["ovh-gra11", "ovh-sbg5", "ovh-waw1"];

/** The simulated inventory everybody uses (docs: the catalog file), priced at 1,000,000 rials a unit +20 %. */
export function simulatedCatalog(): InMemoryCatalog {
  return new InMemoryCatalog(
    [
      region("DIGITALOCEAN", "do-fra1", "fra1", "Frankfurt", "DE"),
      region("DIGITALOCEAN", "do-ams3", "ams3", "Amsterdam", "NL"),
      region("DIGITALOCEAN", "do-nyc3", "nyc3", "New York", "US"),
      region("HETZNER", "hz-fsn1", "fsn1", "Falkenstein", "DE"),
      region("HETZNER", "hz-nbg1", "nbg1", "Nuremberg", "DE"),
      region("HETZNER", "hz-hel1", "hel1", "Helsinki", "FI"),
      region("OVH", "ovh-gra11", "GRA11", "Gravelines", "FR"),
      region("OVH", "ovh-sbg5", "SBG5", "Strasbourg", "FR"),
      region("OVH", "ovh-waw1", "WAW1", "Warsaw", "PL"),
    ],
    [
      {
        id: "ubuntu-24.04",
        name: "Ubuntu 24.04",
        distribution: "Ubuntu",
        version: "24.04",
        providerImages: { DIGITALOCEAN: "ubuntu-24-04-x64", HETZNER: "ubuntu-24.04", OVH: "Ubuntu 24.04" },
      },
      {
        id: "debian-12",
        name: "Debian 12",
        distribution: "Debian",
        version: "12",
        providerImages: { DIGITALOCEAN: "debian-12-x64", HETZNER: "debian-12", OVH: "Debian 12" },
      },
    ],
    [
      plan("DIGITALOCEAN", "do-s-1vcpu-1gb", "s-1vcpu-1gb", DO, [1, 1024, 25], 600n),
      plan("DIGITALOCEAN", "do-s-1vcpu-2gb", "s-1vcpu-2gb", DO, [1, 2048, 50], 1200n),
      plan("DIGITALOCEAN", "do-s-2vcpu-4gb", "s-2vcpu-4gb", DO, [2, 4096, 80], 2400n),
      plan("HETZNER", "hz-cx22", "cx22", HZ, [2, 4096, 40], 459n),
      plan("HETZNER", "hz-cx32", "cx32", HZ, [4, 8192, 80], 759n),
      plan("HETZNER", "hz-cx42", "cx42", HZ, [8, 16384, 160], 1859n),
      plan("OVH", "ovh-d2-2", "d2-2", OVH, [1, 2048, 25], 550n),
      plan("OVH", "ovh-d2-4", "d2-4", OVH, [2, 4096, 50], 1050n),
      plan("OVH", "ovh-d2-8", "d2-8", OVH, [4, 8192, 50], 2050n),
    ],
  );
}
