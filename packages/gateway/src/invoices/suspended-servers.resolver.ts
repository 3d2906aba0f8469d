import type { SuspendedServer } from "@peykarband/application";
import { Args, ArgsType, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { MaxLength } from "class-validator";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { QUERY_LIMITS, TEXT_LIMITS } from "../limits/query-limits.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { toGlobalId } from "../schema/node/global-id.ts";
import { ServerType } from "../servers/server.type.ts";

@ArgsType()
export class SuspendedServersArgs {
  @Field(() => Int, { description: `How many, newest first, 1 to ${QUERY_LIMITS.maxPageSize}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: "The servers after this cursor (an endCursor)." })
  @MaxLength(TEXT_LIMITS.cursor)
  after?: string | null;
}

@ObjectType("SuspendedServer", { description: "A server dunning suspended, with the customer who owns it." })
export class SuspendedServerType {
  @Field(() => ServerType, { description: "The server, in SUSPENDED." })
  server!: ServerType;

  @Field(() => String, { description: "The owner's User id." })
  ownerId!: string;

  @Field(() => String, { description: "The owner's email." })
  ownerEmail!: string;

  static from(row: SuspendedServer): SuspendedServerType {
    return Object.assign(new SuspendedServerType(), {
      server: ServerType.from(row.server),
      ownerId: toGlobalId("User", row.server.userId),
      ownerEmail: row.ownerEmail,
    });
  }
}

const SUSPENDED_EDGES = {
  cursor: (row: SuspendedServer) => toKeysetCursor({ createdAt: row.server.createdAt, id: row.server.id }),
  node: (row: SuspendedServer) => SuspendedServerType.from(row),
};

@ObjectType("SuspendedServerEdge", { description: "A suspended server and its cursor." })
export class SuspendedServerEdgeType {
  @Field(() => String, { description: "Opaque position of this server, for `after`." })
  cursor!: string;

  @Field(() => SuspendedServerType, { description: "The server and its owner." })
  node!: SuspendedServerType;
}

@ObjectType("SuspendedServerConnection", { description: "A page of suspended servers, newest first." })
export class SuspendedServerConnectionType extends CountedConnectionType {
  @Field(() => [SuspendedServerEdgeType], { description: "The servers with their cursors." })
  edges!: SuspendedServerEdgeType[];

  @Field(() => [SuspendedServerType], { description: "The servers, when cursors are not needed." })
  nodes!: SuspendedServerType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}

@Requires(["ADMIN"])
@Resolver()
export class SuspendedServersResolver {
  @Query(() => SuspendedServerConnectionType, {
    description: "Servers in SUSPENDED across customers, with their owners, newest first.",
  })
  async suspendedServers(
    @Args(() => SuspendedServersArgs) args: SuspendedServersArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SuspendedServerConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const after = "first" in request ? (request.after ?? null) : null;
    const page = await ctx.useCases.invoices.suspendedServers({ first: args.first, after }, ctx);
    return connectionOf(page.servers, SUSPENDED_EDGES, page, request);
  }
}
