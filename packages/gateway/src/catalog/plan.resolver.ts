import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { PlanType } from "./plan.type.ts";
import { RegionType } from "./region.type.ts";

@Resolver(() => PlanType)
export class PlanResolver {
  @FieldResolver(() => [RegionType], {
    description: "The regions the plan can be ordered in now (each may still be unavailable as a whole).",
  })
  async regions(@Root() plan: PlanType, @Ctx() ctx: GraphQLContext): Promise<RegionType[]> {
    const regions = await ctx.loaders.region.loadMany(plan.regionIds);
    return regions.flatMap((region) =>
      region instanceof Error ? [] : region ? [RegionType.from(region)] : [],
    );
  }
}
