import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { SetServerQuotaInput } from "./set-server-quota.input.ts";
import { SetServerQuotaPayload } from "./set-server-quota.payload.ts";

@Requires(["ADMIN"])
@Resolver()
export class SetServerQuotaResolver {
  @Mutation(() => SetServerQuotaPayload, {
    description: "Sets how many servers one customer may have, above or below the default. Audited.",
  })
  async setServerQuota(
    @Arg("input", () => SetServerQuotaInput, { description: "The user and the limit." })
    input: SetServerQuotaInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<SetServerQuotaPayload>> {
    const result = await ctx.useCases.servers.setServerQuota(
      { userId: input.userId, limit: input.limit ?? null },
      ctx,
    );
    return toPayload(result, ctx, async (quota) => {
      const user = await ctx.loaders.user.load(quota.userId);
      return { user: user ? UserType.from(user) : null, serverLimit: quota.limit };
    });
  }
}
