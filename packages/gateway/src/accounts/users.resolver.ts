import type { User } from "@peykarband/domain";
import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { UserConnectionType } from "./user-connection.type.ts";
import { UserType } from "./user.type.ts";
import { UsersArgs } from "./users.args.ts";

const USER_EDGES = {
  cursor: (user: User) => toKeysetCursor(user),
  node: (user: User) => UserType.from(user),
};

@Resolver()
export class UsersResolver {
  @Requires(["ADMIN", "SUPPORT"])
  @Query(() => UserConnectionType, {
    description: "Accounts, newest first, found by the start of their email and by role.",
  })
  async users(
    @Args(() => UsersArgs) args: UsersArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const filter = { email: args.filter?.email ?? null, role: args.filter?.role ?? null };
    const page = await ctx.useCases.accounts.users({ ...request, ...filter }, ctx);
    return connectionOf(page.users, USER_EDGES, page, request);
  }
}
