import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toUserErrors } from "../schema/user-errors/to-user-errors.ts";
import { ChangeUserRoleInput } from "./change-user-role.input.ts";
import { ChangeUserRolePayload } from "./change-user-role.payload.ts";
import { UserType } from "./user.type.ts";

@Requires(["ADMIN"])
@Resolver()
export class ChangeUserRoleResolver {
  @Mutation(() => ChangeUserRolePayload, {
    description: "Gives a user another role and ends their sessions, so it applies at once. Audited.",
  })
  async changeUserRole(
    @Arg("input", () => ChangeUserRoleInput, { description: "Whose role, and the new one." })
    input: ChangeUserRoleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChangeUserRolePayload> {
    const result = await ctx.useCases.changeUserRole({ userId: input.userId, role: input.role }, ctx);
    return result.ok
      ? { user: UserType.from(result.value.user), userErrors: [] }
      : { user: null, userErrors: toUserErrors(result.error, ctx) };
  }
}
