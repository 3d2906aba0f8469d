import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { listOwner } from "../schema/connection/list-owner.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { PaymentConnectionType } from "./payment-connection.type.ts";
import { PaymentType } from "./payment.type.ts";
import { PaymentsArgs } from "./payments.args.ts";

@Resolver()
export class PaymentsResolver {
  @Requires("SIGNED_IN")
  @Query(() => PaymentConnectionType, {
    description:
      "Wallet top-ups, newest first: your own, (SUPPORT, ADMIN) one user's with `userId`, or (RESELLER) one customer's with `customerId`.",
  })
  async payments(
    @Args(() => PaymentsArgs) args: PaymentsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const page = await ctx.useCases.wallet.payments({ ...request, ...listOwner(args) }, ctx);
    return connectionOf(
      page.payments,
      { cursor: (payment) => toKeysetCursor(payment), node: (payment) => PaymentType.from(payment) },
      page,
      request,
    );
  }
}
