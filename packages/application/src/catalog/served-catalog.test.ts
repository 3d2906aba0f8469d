import { describe, expect, it } from "vitest";
import { serverTestKit } from "../testing/server-test-kit.ts";

describe("the catalog as this deployment serves it", () => {
  it("shows the regions and offers of a cloud without credentials as unavailable, as orderServer refuses them", async () => {
    const kit = serverTestKit();
    delete (kit.deps.providers as Record<string, unknown>).OVH;
    const { ctx } = await kit.customer();

    const regions = await kit.useCases.regions(ctx);
    const ovhRegions = regions.filter((region) => region.provider === "OVH");
    expect(ovhRegions.length).toBeGreaterThan(0);
    expect(ovhRegions.every((region) => !region.isAvailable)).toBe(true);
    expect(regions.filter((region) => region.provider !== "OVH").every((region) => region.isAvailable)).toBe(
      true,
    );

    const ovhPlans = (await kit.useCases.plans({}, ctx)).filter((plan) => plan.provider === "OVH");
    expect(ovhPlans.flatMap((plan) => plan.offers).every((offer) => !offer.isAvailable)).toBe(true);
    const [region] = await kit.useCases.regionsByIds([ovhRegions[0]!.id]);
    expect(region?.isAvailable).toBe(false);
    const [plan] = await kit.useCases.plansByIds([ovhPlans[0]!.id]);
    expect(plan?.offers.every((offer) => !offer.isAvailable)).toBe(true);

    const order = await kit.useCases.orderServer(
      {
        name: "web-1",
        planId: ovhPlans[0]!.id,
        regionId: ovhRegions[0]!.id,
        imageId: "ubuntu-24.04",
        sshKeyIds: [],
        idempotencyKey: "k-1",
      },
      ctx,
    );
    expect(order).toMatchObject({ ok: false, error: { code: "PLAN_UNAVAILABLE" } });
  });
});
