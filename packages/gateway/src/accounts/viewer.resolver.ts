import { Ctx, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { UserType } from "./user.type.ts";

@Requires("PUBLIC")
@Resolver()
export class ViewerResolver {
  @Query(() => UserType, { nullable: true, description: "The signed-in user; null when not signed in." })
  viewer(@Ctx() ctx: GraphQLContext): UserType | null {
    // Read with the session while authenticating (create-graphql-context.ts): no query, no promise.
    return ctx.viewerUser ? UserType.from(ctx.viewerUser) : null;
  }
}
