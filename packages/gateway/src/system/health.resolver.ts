import { Ctx, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { HealthType } from "./health.type.ts";

@Requires("PUBLIC")
@Resolver()
export class HealthResolver {
  @Query(() => HealthType, { description: "Version and mode of this deployment." })
  health(@Ctx() ctx: GraphQLContext): HealthType {
    return { version: ctx.app.version, sandbox: ctx.app.sandbox };
  }
}
