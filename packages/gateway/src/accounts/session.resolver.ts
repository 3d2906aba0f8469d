import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { LogInInput } from "./log-in.input.ts";
import { LogInPayload } from "./log-in.payload.ts";
import { LogOutInput } from "./log-out.input.ts";
import { LogOutPayload } from "./log-out.payload.ts";
import { RefreshSessionInput } from "./refresh-session.input.ts";
import { RefreshSessionPayload } from "./refresh-session.payload.ts";
import { RegisterUserInput } from "./register-user.input.ts";
import { RegisterUserPayload } from "./register-user.payload.ts";
import { SessionType } from "./session.type.ts";

@Requires("PUBLIC")
@Resolver()
export class SessionResolver {
  @Mutation(() => RegisterUserPayload, {
    description: "Creates a customer account and signs it in. Throttled per address.",
  })
  async registerUser(
    @Arg("input", () => RegisterUserInput, { description: "The new account." }) input: RegisterUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<RegisterUserPayload>> {
    return toPayload(await ctx.useCases.accounts.registerUser(input, ctx), ctx, (grant) => {
      const session = SessionType.from(grant);
      return { user: session.user, session };
    });
  }

  @Mutation(() => LogInPayload, {
    description:
      "Signs in with email and password, plus totpCode or recoveryCode when two-factor is on. Throttled per account and per address.",
  })
  async logIn(
    @Arg("input", () => LogInInput, { description: "Credentials." }) input: LogInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<LogInPayload>> {
    return toPayload(await ctx.useCases.accounts.logIn(input, ctx), ctx, (grant) => ({
      session: SessionType.from(grant),
    }));
  }

  @Mutation(() => RefreshSessionPayload, {
    description:
      "Trades a refresh token for a new access token and refresh token. A refresh token used twice ends its whole session.",
  })
  async refreshSession(
    @Arg("input", () => RefreshSessionInput, { description: "The refresh token." })
    input: RefreshSessionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<RefreshSessionPayload>> {
    return toPayload(await ctx.useCases.accounts.refreshSession(input, ctx), ctx, (grant) => ({
      session: SessionType.from(grant),
    }));
  }

  @Requires("SIGNED_IN")
  @Mutation(() => LogOutPayload, {
    description: "Ends the caller's session, or all of the account's sessions.",
  })
  async logOut(
    @Arg("input", () => LogOutInput, { description: "Which sessions to end." }) input: LogOutInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<LogOutPayload>> {
    return toPayload(
      await ctx.useCases.accounts.logOut(input, ctx),
      ctx,
      () => ({ loggedOut: true }),
      () => ({ loggedOut: false }),
    );
  }
}
