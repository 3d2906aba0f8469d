import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { PaymentType } from "./payment.type.ts";
import { StartTopUpInput } from "./start-top-up.input.ts";
import { StartTopUpPayload } from "./start-top-up.payload.ts";

@Requires("SIGNED_IN")
@Resolver()
export class StartTopUpResolver {
  @Mutation(() => StartTopUpPayload, {
    description:
      "Opens a top-up of your wallet at a gateway and returns its payment page. Nothing is charged here; the wallet is credited once the gateway confirms the payment server to server. Throttled per user (default 10 per 10 minutes): `TOO_MANY_TOP_UPS` with `retryAfterSeconds`.",
  })
  async startTopUp(
    @Arg("input", () => StartTopUpInput, { description: "Amount, gateway and idempotency key." })
    input: StartTopUpInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<StartTopUpPayload>> {
    return toPayload(
      await ctx.useCases.wallet.startTopUp(input, ctx),
      ctx,
      (started) => ({ payment: PaymentType.from(started.payment), redirectUrl: started.redirectUrl }),
      (error) => ({ retryAfterSeconds: "retryAfterSeconds" in error ? error.retryAfterSeconds : null }),
    );
  }
}
