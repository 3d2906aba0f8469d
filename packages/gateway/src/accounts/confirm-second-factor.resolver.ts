import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { ConfirmSecondFactorInput } from "./confirm-second-factor.input.ts";
import { ConfirmSecondFactorPayload } from "./confirm-second-factor.payload.ts";

@Resolver()
export class ConfirmSecondFactorResolver {
  @Requires("SIGNED_IN")
  @Mutation(() => ConfirmSecondFactorPayload, {
    description:
      "Steps the session up: after a TOTP or recovery code, money-moving and role-changing mutations need no code of their own for 5 minutes.",
  })
  async confirmSecondFactor(
    @Arg("input", () => ConfirmSecondFactorInput, { description: "The code." })
    input: ConfirmSecondFactorInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<ConfirmSecondFactorPayload>> {
    return toPayload(await ctx.useCases.accounts.confirmSecondFactor(input, ctx), ctx, (fresh) => fresh);
  }
}
