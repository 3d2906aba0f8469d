import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
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
  ): Promise<PayloadView<WaiveUsagePayload>> {
    return toPayload(await ctx.useCases.billing.waiveUsage(input, ctx), ctx, (waived) => ({
      wallet: WalletType.of(waived.userId, waived.balance),
    }));
  }
}
