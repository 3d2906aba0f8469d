import type { CloudProviders } from "@peykarband/application";
import { startCloudSimulators, type CloudSimulators } from "@peykarband/simulators";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCloudProviders } from "../clouds/create-cloud-providers.ts";
import type { Database } from "../database/database.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DEFAULT_CATALOG_FILE, loadCatalogFile } from "./catalog-file.ts";
import { checkCatalogOffers, readCloudOfferings } from "./catalog-offers.check.ts";
import { syncCatalogFile } from "./catalog-sync.ts";
import { DrizzleCatalog } from "./drizzle.catalog.ts";

const AT = new Date("2026-03-21T07:00:00.000Z");
const TIMING = { connectTimeoutMs: 500, requestTimeoutMs: 2_000, maxRetries: 0, retryDelayMs: 10 };
const NO_CONFIG = {
  sandbox: true,
  deploymentName: "pk-test",
  cloudEndpoints: { digitalocean: null, hetzner: null, ovh: null },
  cloudSecrets: {
    digitaloceanToken: null,
    hetznerToken: null,
    ovhApplicationSecret: null,
    ovhConsumerKey: null,
  },
  ovhProjectId: null,
  ovhApplicationKey: null,
};

let clouds: CloudSimulators;
let providers: CloudProviders;
let dir: string;

beforeAll(async () => {
  clouds = await startCloudSimulators();
  providers = createCloudProviders(NO_CONFIG, {
    digitalocean: { baseUrl: clouds.digitalocean.url, token: clouds.digitalocean.token },
    hetzner: { baseUrl: clouds.hetzner.url, token: clouds.hetzner.token },
    ovh: {
      baseUrl: `${clouds.ovh.url}/1.0`,
      credentials: clouds.ovh.credentials,
      serviceName: clouds.ovh.serviceName,
    },
    timing: TIMING,
  });
  dir = mkdtempSync(join(tmpdir(), "pk-catalog-"));
});
afterAll(async () => {
  await clouds?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The shipped catalog with entries no simulated cloud offers: a region, a size and an image. */
function catalogWithStrangers(): string {
  const json = JSON.parse(readFileSync(DEFAULT_CATALOG_FILE, "utf8")) as {
    regions: Record<string, unknown>[];
    images: Record<string, unknown>[];
    plans: { id: string; offers: Record<string, unknown>[] }[];
  };
  json.regions.push({
    id: "do-sgp1",
    name: "Singapore",
    provider: "DIGITALOCEAN",
    country: "SG",
    city: "Singapore",
    providerRegion: "sgp1",
    isAvailable: true,
  });
  const smallest = json.plans.find((p) => p.id === "do-s-1vcpu-1gb")!;
  smallest.offers.push({ regionId: "do-sgp1", providerSize: "s-1vcpu-1gb", isAvailable: true });
  const cx22 = json.plans.find((p) => p.id === "hz-cx22")!;
  cx22.offers = cx22.offers.map((o) => (o.regionId === "hz-hel1" ? { ...o, providerSize: "cx11" } : o));
  json.images.push({
    id: "arch",
    name: "Arch Linux",
    distribution: "Arch",
    version: "rolling",
    providerImages: { HETZNER: "arch-linux", DIGITALOCEAN: "ubuntu-24-04-x64" },
  });
  const file = join(dir, "catalog.json");
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe("the catalog file against what the clouds offer", () => {
  it("the shipped catalog and the simulated clouds agree on every entry", async () => {
    const { offerings, unchecked } = await readCloudOfferings(providers, 10_000);
    expect(unchecked).toEqual([]);
    expect(Object.keys(offerings).sort()).toEqual(["DIGITALOCEAN", "HETZNER", "OVH"]);
    expect(offerings.HETZNER?.sizes.cx22).toEqual(["fsn1", "nbg1", "hel1"]);
    expect(checkCatalogOffers(await loadCatalogFile(), offerings).mismatches).toEqual([]);
  });

  for (const target of testDatabases()) {
    describe.skipIf(target.skipReason !== null)(`synced on ${target.name}`, () => {
      let database: Database;
      beforeAll(async () => {
        database = await target.open();
      });
      afterAll(() => database?.close());

      it("marks what a cloud does not offer unavailable, names each entry, and keeps the rest", async () => {
        const report = await syncCatalogFile(database.db, catalogWithStrangers(), AT, { providers });
        expect(report.unchecked).toEqual([]);
        expect(report.mismatches.map((m) => [m.provider, m.entry, m.consequence])).toEqual([
          ["DIGITALOCEAN", 'region "do-sgp1"', "marked unavailable"],
          ["DIGITALOCEAN", 'plan "do-s-1vcpu-1gb" in "do-sgp1"', "marked unavailable"],
          ["HETZNER", 'plan "hz-cx22" in "hz-hel1"', "marked unavailable"],
          ["HETZNER", 'image "arch"', "not offered on HETZNER"],
        ]);
        expect(report.mismatches[0]!.problem).toBe('DIGITALOCEAN lists no region "sgp1"');
        expect(report.mismatches[2]!.problem).toBe('HETZNER lists no size "cx11"');

        const catalog = new DrizzleCatalog(database.db);
        const [sgp1, fra1] = await catalog.regionsByIds(["do-sgp1", "do-fra1"]);
        expect([sgp1?.isAvailable, fra1?.isAvailable]).toEqual([false, true]);
        const [cx22] = await catalog.plansByIds(["hz-cx22"]);
        expect(cx22!.offers.map((o) => [o.regionId, o.isAvailable])).toEqual([
          ["hz-fsn1", true],
          ["hz-nbg1", true],
          ["hz-hel1", false],
        ]);
        const [arch] = await catalog.imagesByIds(["arch"]);
        expect(arch?.providerImages).toEqual({ DIGITALOCEAN: "ubuntu-24-04-x64" });
      });

      it("syncs a cloud it cannot read as the file says, and says it was not checked", async () => {
        const unreachable = createCloudProviders(
          { ...NO_CONFIG, cloudEndpoints: { digitalocean: "http://127.0.0.1:9", hetzner: null, ovh: null } },
          { digitalocean: { baseUrl: "http://127.0.0.1:9", token: "dop_v1_x" }, timing: TIMING },
        );
        const report = await syncCatalogFile(database.db, catalogWithStrangers(), AT, {
          providers: unreachable,
        });
        expect(report.unchecked).toEqual([
          { provider: "DIGITALOCEAN", reason: expect.stringMatching(/^DigitalOcean|ECONNREFUSED/) },
        ]);
        expect(report.mismatches).toEqual([]);
        const [sgp1] = await new DrizzleCatalog(database.db).regionsByIds(["do-sgp1"]);
        expect(sgp1?.isAvailable).toBe(true);
      });
    });
  }
});
