import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden } from "../graphql/gateway-errors.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { WalletType } from "../wallet/wallet.type.ts";

@Resolver(() => WalletType)
export class WalletRunwayResolver {
  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the balance runs out if the servers keep running at today's rates, counting usage accrued but not charged yet, the VAT collected with usage (now and to come) and what is left of prepaid hours (monthly caps are not counted, so it errs early). Null when no server accrues; now when the balance is already spent.",
  })
  async runsOutAt(@Root() wallet: WalletType, @Ctx() ctx: GraphQLContext): Promise<Date | null> {
    const runway = await ctx.useCases.billing.walletRunsOut({ userId: wallet.userId }, ctx);
    if (!runway.visible) throw forbidden();
    return runway.runsOutAt;
  }
}
