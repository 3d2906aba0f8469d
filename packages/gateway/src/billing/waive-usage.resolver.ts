import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toUserErrors } from "../schema/user-errors/to-user-errors.ts";
import { WalletType } from "../wallet/wallet.type.ts";
import { WaiveUsageInput } from "./waive-usage.input.ts";
import { WaiveUsagePayload } from "./waive-usage.payload.ts";

@Requires(["ADMIN"])
@Resolver()
export class WaiveUsageResolver {
  @Mutation(() => WaiveUsagePayload, {
    description:
      "Forgives part of a server's usage, the only way usage is ever forgiven: a credit to the customer's wallet from revenue, with the reason on their statement. Metering and settlement go on unchanged. Audited.",
  })
  async waiveUsage(
    @Arg("input", () => WaiveUsageInput, { description: "The server, the amount, the reason and a key." })
    input: WaiveUsageInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WaiveUsagePayload> {
    const result = await ctx.billing.waiveUsage(input, ctx);
    return result.ok
      ? { wallet: WalletType.of(result.value.userId, result.value.balance), userErrors: [] }
      : { wallet: null, userErrors: toUserErrors(result.error, ctx) };
  }
}
