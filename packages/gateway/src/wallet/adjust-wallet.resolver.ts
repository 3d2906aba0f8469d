import { domainError } from "@peykarband/domain";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { keyOf } from "../schema/node/global-id.ts";
import { toUserErrors } from "../schema/user-errors/to-user-errors.ts";
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
  ): Promise<AdjustWalletPayload> {
    const userId = keyOf(input.userId, "User");
    if (userId === null) {
      return {
        wallet: null,
        userErrors: toUserErrors(domainError("USER_NOT_FOUND", "No such user.", ["userId"]), ctx),
      };
    }
    const result = await ctx.wallet.adminAdjustWallet({ ...input, userId }, ctx);
    return result.ok
      ? { wallet: WalletType.of(userId, result.value.balance), userErrors: [] }
      : { wallet: null, userErrors: toUserErrors(result.error, ctx) };
  }
}
