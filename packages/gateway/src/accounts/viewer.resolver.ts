import { Ctx, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { UserType } from "./user.type.ts";

@Requires("PUBLIC")
@Resolver()
export class ViewerResolver {
  @Query(() => UserType, { nullable: true, description: "The signed-in user; null when not signed in." })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    // Primed with the user read while authenticating (create-graphql-context.ts): no query here.
    const user = ctx.viewer ? await ctx.loaders.user.load(ctx.viewer.userId) : null;
    return user ? UserType.from(user) : null;
  }
}
