import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { ConfirmTwoFactorSetupInput } from "./confirm-two-factor-setup.input.ts";
import { ConfirmTwoFactorSetupPayload } from "./confirm-two-factor-setup.payload.ts";
import { DisableTwoFactorInput } from "./disable-two-factor.input.ts";
import { DisableTwoFactorPayload } from "./disable-two-factor.payload.ts";
import { StartTwoFactorSetupInput } from "./start-two-factor-setup.input.ts";
import { StartTwoFactorSetupPayload } from "./start-two-factor-setup.payload.ts";
import { UserType } from "./user.type.ts";

@Requires("SIGNED_IN")
@Resolver()
export class TwoFactorResolver {
  @Mutation(() => StartTwoFactorSetupPayload, {
    description: "Creates a new TOTP secret for the caller's account, after checking the password again.",
  })
  async startTwoFactorSetup(
    @Arg("input", () => StartTwoFactorSetupInput, { description: "The password." })
    input: StartTwoFactorSetupInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<StartTwoFactorSetupPayload>> {
    return toPayload(await ctx.useCases.accounts.startTwoFactorSetup(input, ctx), ctx, (setup) => setup);
  }

  @Mutation(() => ConfirmTwoFactorSetupPayload, {
    description: "Turns two-factor on with a code from the new secret, and returns one-time recovery codes.",
  })
  async confirmTwoFactorSetup(
    @Arg("input", () => ConfirmTwoFactorSetupInput, { description: "The code." })
    input: ConfirmTwoFactorSetupInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<ConfirmTwoFactorSetupPayload>> {
    return toPayload(await ctx.useCases.accounts.confirmTwoFactorSetup(input, ctx), ctx, (done) => ({
      recoveryCodes: done.recoveryCodes,
      user: UserType.from(done.user),
    }));
  }

  @Mutation(() => DisableTwoFactorPayload, {
    description:
      "Turns two-factor off with the password and a TOTP or recovery code; drops the recovery codes.",
  })
  async disableTwoFactor(
    @Arg("input", () => DisableTwoFactorInput, { description: "Both factors." }) input: DisableTwoFactorInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<DisableTwoFactorPayload>> {
    return toPayload(await ctx.useCases.accounts.disableTwoFactor(input, ctx), ctx, (done) => ({
      user: UserType.from(done.user),
    }));
  }
}
