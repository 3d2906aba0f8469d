import type { Server } from "@peykarband/domain";
import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { ServerArgs } from "./server.args.ts";
import { ServerConnectionType } from "./server-connection.type.ts";
import { ServerType } from "./server.type.ts";
import { ServersArgs } from "./servers.args.ts";

const SERVER_EDGES = {
  cursor: (server: Server) => toKeysetCursor(server),
  node: (server: Server) => ServerType.from(server),
};

@Requires("SIGNED_IN")
@Resolver()
export class ServersResolver {
  @Query(() => ServerType, {
    nullable: true,
    description:
      "One server by id: null when there is none, it is not yours (SUPPORT and ADMIN see every server), or the id is not a Server's.",
  })
  async server(
    @Args(() => ServerArgs) { id }: ServerArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerType | null> {
    const server = await ctx.loaders.server.load(id);
    return server ? ServerType.from(server) : null;
  }

  @Query(() => ServerConnectionType, {
    description:
      "Your servers, newest first, DELETED ones included unless filtered out; SUPPORT and ADMIN see every customer's.",
  })
  async servers(
    @Args(() => ServersArgs) args: ServersArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const statuses = args.filter?.statuses;
    const filter = statuses && statuses.length > 0 ? { statuses } : {};
    const page = await ctx.useCases.servers.servers(
      { page: request, customerId: args.customerId, ...filter },
      ctx,
    );
    for (const server of page.servers) ctx.loaders.server.prime(server.id, server);
    return connectionOf(page.servers, SERVER_EDGES, page, request);
  }
}
