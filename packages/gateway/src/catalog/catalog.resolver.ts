import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { ImageType } from "./image.type.ts";
import { PlanType } from "./plan.type.ts";
import { RegionType } from "./region.type.ts";

/** The catalog is public: a visitor compares plans and prices before signing up. */
@Requires("PUBLIC")
@Resolver()
export class CatalogResolver {
  @Query(() => [RegionType], { description: "Every region of every provider, available or not." })
  async regions(@Ctx() ctx: GraphQLContext): Promise<RegionType[]> {
    const regions = await ctx.useCases.servers.regions(ctx);
    for (const region of regions) ctx.loaders.region.prime(region.id, region);
    return regions.map((region) => RegionType.from(region));
  }

  @Query(() => [ImageType], { description: "Every operating system servers can be created with." })
  async images(@Ctx() ctx: GraphQLContext): Promise<ImageType[]> {
    return (await ctx.useCases.servers.images(ctx)).map((image) => ImageType.from(image));
  }

  @Query(() => [PlanType], {
    description: "Plans with their prices: every plan, or those offered in one region.",
  })
  async plans(
    @Arg("regionId", () => ID, {
      nullable: true,
      description: "Only plans offered in this region (a `Region.id`); an unknown region has none.",
    })
    regionId: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PlanType[]> {
    const plans = await ctx.useCases.servers.plans({ regionId: regionId ?? null }, ctx);
    return plans.map((plan) => PlanType.from(plan));
  }
}
