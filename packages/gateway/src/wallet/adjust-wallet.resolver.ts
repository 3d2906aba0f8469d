import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { AdjustWalletInput } from "./adjust-wallet.input.ts";
import { AdjustWalletPayload } from "./adjust-wallet.payload.ts";
import { WalletType } from "./wallet.type.ts";

@Requires(["ADMIN"])
@Resolver()
export class AdjustWalletResolver {
  @Mutation(() => AdjustWalletPayload, {
    description:
      "Credits or debits a customer's wallet by hand, with a reason: a new ledger entry against the adjustments account, never an edit. Audited.",
  })
  async adjustWallet(
    @Arg("input", () => AdjustWalletInput, {
      description: "Whose wallet, the signed amount, the reason and a key.",
    })
    input: AdjustWalletInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<AdjustWalletPayload>> {
    return toPayload(await ctx.useCases.wallet.adjustWallet(input, ctx), ctx, (adjusted) => ({
      wallet: WalletType.of(input.userId, adjusted.balance),
    }));
  }
}
