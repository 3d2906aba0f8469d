import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden } from "../graphql/gateway-errors.ts";
import { toUserErrors } from "../schema/user-errors/to-user-errors.ts";
import { fromLanguage, LanguageEnum, toLanguage, type LanguageValue } from "./language.enum.ts";
import { SetLanguageInput } from "./set-language.input.ts";
import { SetLanguagePayload } from "./set-language.payload.ts";

@Resolver(() => UserType)
export class LanguageResolver {
  @Requires("SIGNED_IN")
  @Mutation(() => SetLanguagePayload, {
    description:
      "Sets the language the signed-in user's notices (email and SMS) are written in, from the next one on.",
  })
  async setLanguage(
    @Arg("input", () => SetLanguageInput, { description: "The language." }) input: SetLanguageInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SetLanguagePayload> {
    const language = toLanguage(input.language);
    const result = await ctx.useCases.notifications.setLanguage({ language }, ctx);
    if (!result.ok) return { user: null, userErrors: toUserErrors(result.error, ctx) };
    return { user: ctx.viewerUser ? UserType.from(ctx.viewerUser) : null, userErrors: [] };
  }

  @FieldResolver(() => LanguageEnum, {
    description: "The language the user's notices are written in: FA unless they chose EN (setLanguage).",
  })
  async language(@Root() user: UserType, @Ctx() ctx: GraphQLContext): Promise<LanguageValue> {
    const language = await ctx.useCases.notifications.userLanguage({ userId: user.key }, ctx);
    if (language === null) throw forbidden();
    return fromLanguage(language);
  }
}
