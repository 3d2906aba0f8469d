import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden } from "../graphql/gateway-errors.ts";
import { ServerType } from "../servers/server.type.ts";
import { ServerUsageType } from "./server-usage.type.ts";

@Resolver(() => ServerType)
export class ServerUsageResolver {
  @FieldResolver(() => ServerUsageType, {
    description:
      "What the server has cost this month so far, live. Two reads per server: ask for it on one server, not on long lists.",
  })
  async usage(@Root() server: ServerType, @Ctx() ctx: GraphQLContext): Promise<ServerUsageType> {
    const usage = await ctx.useCases.billing.serverUsage({ serverId: server.key }, ctx);
    // The server was shown to this viewer already: a refusal here means the two rules disagree.
    if (!usage) throw forbidden();
    return ServerUsageType.from(usage);
  }
}
