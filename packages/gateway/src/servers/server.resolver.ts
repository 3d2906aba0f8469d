import type { Image, Plan, Region } from "@peykarband/domain";
import type DataLoader from "dataloader";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ImageType } from "../catalog/image.type.ts";
import { PlanType } from "../catalog/plan.type.ts";
import { RegionType } from "../catalog/region.type.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { ServerStatusChangeType } from "./server-status-change.type.ts";
import { ServerType } from "./server.type.ts";

/** A server always names a catalog entry; one missing means the catalog file lost it, an operator's bug. */
async function catalogEntry<T>(loader: DataLoader<string, T | null>, id: string, kind: string): Promise<T> {
  const entry = await loader.load(id);
  if (entry === null) throw new Error(`The catalog has no ${kind} "${id}", which a server uses.`);
  return entry;
}

@Resolver(() => ServerType)
export class ServerResolver {
  @FieldResolver(() => PlanType, {
    description: "The plan the server is on now (after a resize, the new one).",
  })
  async plan(@Root() server: ServerType, @Ctx() ctx: GraphQLContext): Promise<PlanType> {
    return PlanType.from(await catalogEntry<Plan>(ctx.loaders.plan, server.planId, "plan"));
  }

  @FieldResolver(() => RegionType, { description: "Where the server runs." })
  async region(@Root() server: ServerType, @Ctx() ctx: GraphQLContext): Promise<RegionType> {
    return RegionType.from(await catalogEntry<Region>(ctx.loaders.region, server.regionId, "region"));
  }

  @FieldResolver(() => ImageType, {
    description: "The operating system it was created or last rebuilt with.",
  })
  async image(@Root() server: ServerType, @Ctx() ctx: GraphQLContext): Promise<ImageType> {
    return ImageType.from(await catalogEntry<Image>(ctx.loaders.image, server.imageId, "image"));
  }

  @FieldResolver(() => [ServerStatusChangeType], {
    description:
      "Every status the server went through, oldest first. One read per server: ask for it on one server, not on a list.",
  })
  async history(@Root() server: ServerType, @Ctx() ctx: GraphQLContext): Promise<ServerStatusChangeType[]> {
    const changes = await ctx.useCases.servers.serverHistory(server.key, ctx);
    return (changes ?? []).map((change) => ServerStatusChangeType.from(change));
  }
}
