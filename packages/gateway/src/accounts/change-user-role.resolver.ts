import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
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
  ): Promise<PayloadView<ChangeUserRolePayload>> {
    return toPayload(await ctx.useCases.accounts.changeUserRole(input, ctx), ctx, (changed) => ({
      user: UserType.from(changed.user),
    }));
  }
}
