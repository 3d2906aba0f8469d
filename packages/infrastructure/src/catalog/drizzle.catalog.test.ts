import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import { testDatabases } from "../testing/test-database.ts";
import { loadCatalogFile, type CatalogDefinition } from "./catalog-file.ts";
import { syncCatalog } from "./catalog-sync.ts";
import { DrizzleCatalog } from "./drizzle.catalog.ts";

const START = new Date("2026-03-21T07:00:00.000Z");
const RESTART = new Date("2026-03-22T07:00:00.000Z");

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`catalog sync and DrizzleCatalog on ${target.name}`, () => {
    let database: Database;
    let file: CatalogDefinition;
    beforeAll(async () => {
      database = await target.open();
      file = await loadCatalogFile();
      await syncCatalog(database.db, file, START);
    });
    afterAll(() => database?.close());

    it("serves the file's regions, images and plans, by region and by ids", async () => {
      const catalog = new DrizzleCatalog(database.db);
      expect(await catalog.regions()).toEqual(file.regions);
      expect(await catalog.images()).toEqual(file.images);
      const { cost: _cost, ...firstPlan } = file.plans[0]!;
      const [plan] = await catalog.plansByIds(["do-s-1vcpu-1gb"]);
      expect(plan).toEqual(firstPlan);
      expect((await catalog.plans("hz-hel1")).map((p) => p.id)).toEqual(["hz-cx22", "hz-cx32", "hz-cx42"]);
      expect(await catalog.plans("nowhere")).toEqual([]);
      expect((await catalog.plans()).length).toBe(9);
      const regions = await catalog.regionsByIds(["ovh-waw1", "nope", "do-fra1"]);
      expect(regions.map((r) => r?.providerRegion ?? null)).toEqual(["WAW1", null, "fra1"]);
      expect((await catalog.imagesByIds(["debian-12", "windows"])).map((i) => i?.name ?? null)).toEqual([
        "Debian 12",
        null,
      ]);
    });

    it("reads the tables once and answers from memory afterwards", async () => {
      const catalog = new DrizzleCatalog(database.db);
      const before = await catalog.regions();
      await database.db.execute(sql`update regions set name = 'Renamed' where id = 'do-fra1'`);
      expect(await catalog.regions()).toEqual(before);
      expect((await new DrizzleCatalog(database.db).regionsByIds(["do-fra1"]))[0]?.name).toBe("Renamed");
    });

    it("retires what the file dropped (found by id, never offered) and brings it back when it returns", async () => {
      const edited: CatalogDefinition = {
        regions: file.regions.filter((r) => r.id !== "hz-nbg1"),
        images: file.images.filter((i) => i.id !== "debian-12"),
        plans: file.plans
          .filter((p) => p.id !== "ovh-d2-8")
          .map((p) =>
            p.id === "hz-cx22"
              ? { ...p, offers: p.offers.filter((o) => o.regionId !== "hz-hel1"), name: "CX22 renamed" }
              : p,
          ),
      };
      await syncCatalog(database.db, edited, RESTART);
      const catalog = new DrizzleCatalog(database.db);

      expect((await catalog.regions()).map((r) => r.id)).not.toContain("hz-nbg1");
      expect((await catalog.regionsByIds(["hz-nbg1"]))[0]).toMatchObject({
        id: "hz-nbg1",
        isAvailable: false,
      });
      expect((await catalog.images()).map((i) => i.id)).toEqual(["ubuntu-24.04"]);
      expect((await catalog.imagesByIds(["debian-12"]))[0]).toMatchObject({
        name: "Debian 12",
        providerImages: {},
      });
      expect((await catalog.plans()).map((p) => p.id)).not.toContain("ovh-d2-8");
      expect((await catalog.plansByIds(["ovh-d2-8"]))[0]).toMatchObject({ id: "ovh-d2-8", offers: [] });
      const [cx22] = await catalog.plansByIds(["hz-cx22"]);
      expect(cx22?.name).toBe("CX22 renamed");
      // Its offer in the retired region stays listed but cannot be ordered; the dropped one is gone.
      expect(cx22?.offers).toEqual([
        { regionId: "hz-fsn1", providerSize: "cx22", isAvailable: true },
        { regionId: "hz-nbg1", providerSize: "cx22", isAvailable: false },
      ]);

      await syncCatalog(database.db, file, RESTART);
      const restored = new DrizzleCatalog(database.db);
      expect((await restored.regions()).length).toBe(9);
      expect((await restored.imagesByIds(["debian-12"]))[0]?.providerImages).toEqual(
        file.images[1]?.providerImages,
      );
      expect((await restored.plansByIds(["hz-cx22"]))[0]?.offers).toHaveLength(3);
    });
  });
}
