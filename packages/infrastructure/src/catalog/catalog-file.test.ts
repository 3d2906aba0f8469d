import { Rial } from "@peykarband/domain";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CatalogFileError, DEFAULT_CATALOG_FILE, loadCatalogFile, parseCatalog } from "./catalog-file.ts";

const shipped = async (): Promise<Record<string, unknown> & { plans: Record<string, unknown>[] }> =>
  JSON.parse(await readFile(DEFAULT_CATALOG_FILE, "utf8")) as never;

const problemsOf = (json: unknown): readonly string[] => {
  try {
    parseCatalog(json, "catalog.json");
  } catch (error) {
    if (error instanceof CatalogFileError) return error.problems;
    throw error;
  }
  return [];
};

describe("the catalog file", () => {
  it("ships the simulated inventory of the three providers, priced in rials", async () => {
    const catalog = await loadCatalogFile();
    expect(catalog.regions.map((r) => `${r.provider}:${r.providerRegion}`)).toEqual([
      "DIGITALOCEAN:fra1",
      "DIGITALOCEAN:ams3",
      "DIGITALOCEAN:nyc3",
      "HETZNER:fsn1",
      "HETZNER:nbg1",
      "HETZNER:hel1",
      "OVH:GRA11",
      "OVH:SBG5",
      "OVH:WAW1",
    ]);
    expect(catalog.images.map((i) => i.providerImages)).toEqual([
      { DIGITALOCEAN: "ubuntu-24-04-x64", HETZNER: "ubuntu-24.04", OVH: "Ubuntu 24.04" },
      { DIGITALOCEAN: "debian-12-x64", HETZNER: "debian-12", OVH: "Debian 12" },
    ]);
    expect(catalog.plans.map((p) => [p.id, p.offers.map((o) => o.providerSize)[0], p.offers.length])).toEqual(
      [
        ["do-s-1vcpu-1gb", "s-1vcpu-1gb", 3],
        ["do-s-1vcpu-2gb", "s-1vcpu-2gb", 3],
        ["do-s-2vcpu-4gb", "s-2vcpu-4gb", 3],
        ["hz-cx22", "cx22", 3],
        ["hz-cx32", "cx32", 3],
        ["hz-cx42", "cx42", 3],
        ["ovh-d2-2", "d2-2", 3],
        ["ovh-d2-4", "d2-4", 3],
        ["ovh-d2-8", "d2-8", 3],
      ],
    );
    // $6.00 × 1,050,000 rials × 1.25 = 7,875,000 a month; / 730 = 10,787.7, up to whole thousands.
    expect(catalog.plans[0]).toMatchObject({
      vcpus: 1,
      memoryMb: 1024,
      diskGb: 25,
      monthlyPrice: Rial.of(7_875_000n),
      hourlyPrice: Rial.of(11_000n),
      cost: { currency: "USD", monthlyMinor: 600n },
    });
    // €4.59 × 1,200,000 × 1.25 = 6,885,000.
    expect(catalog.plans[3]).toMatchObject({
      monthlyPrice: Rial.of(6_885_000n),
      hourlyPrice: Rial.of(10_000n),
    });
  });

  it("names each bad entry, by index and id, all at once", async () => {
    const json = await shipped();
    const plans = json.plans;
    plans[1] = { ...plans[1], cost: { currency: "GBP", monthlyMinor: 1200 } };
    plans[2] = { ...plans[2], offers: [{ regionId: "hz-fsn1", providerSize: "x", isAvailable: true }] };
    plans[4] = { ...plans[4], id: "hz-cx22" };
    plans[5] = { ...plans[5], offers: [{ regionId: "mars-1", providerSize: "x", isAvailable: true }] };

    expect(problemsOf({ ...json, plans: plans.slice(0, 2) })).toEqual([
      expect.stringMatching(/^plans\[1\] \("do-s-1vcpu-2gb"\)\.cost\.currency: /) as unknown,
    ]);
    expect(problemsOf({ ...json, plans: [plans[0], plans[2], plans[3], plans[4], plans[5]] })).toEqual([
      'plans ("hz-cx22"): the id is used twice',
      `plans[1] ("do-s-2vcpu-4gb").offers[0]: region "hz-fsn1" is HETZNER's, the plan is DIGITALOCEAN's`,
      'plans[4] ("hz-cx42").offers[0]: no region "mars-1"',
    ]);
    expect(
      problemsOf({ ...(await shipped()), settings: { markupPercent: -5, rialsPerUnit: { USD: 1 } } }),
    ).toEqual([
      "settings.markupPercent: Too small: expected number to be >=0",
      expect.stringMatching(/^settings\.rialsPerUnit\.EUR: /) as unknown,
    ]);
  });

  it("says which file cannot be read or parsed", async () => {
    await expect(loadCatalogFile("/nonexistent/catalog.json")).rejects.toThrow(
      /Invalid catalog file \/nonexistent\/catalog\.json:\n {2}- cannot be read: ENOENT/,
    );
  });
});
