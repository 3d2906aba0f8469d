import type { OrderServerErrorCode } from "@peykarband/application";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { OrderServerInput } from "./order-server.input.ts";
import { OrderServerPayload } from "./order-server.payload.ts";
import { toServerPayload, type ServerPayloadView } from "./server-payload.factory.ts";

@Requires("SIGNED_IN")
@Resolver()
export class OrderServerResolver {
  @Mutation(() => OrderServerPayload, {
    description:
      "Orders a server: checks the plan, region, image, your quota and wallet, charges the wallet for the first hour and creates the server at the provider in the background (PENDING, PROVISIONING, then ACTIVE). If creation fails for good the server is FAILED and the charge refunded.",
  })
  async orderServer(
    @Arg("input", () => OrderServerInput, { description: "The server to create and an idempotency key." })
    input: OrderServerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<OrderServerErrorCode>> {
    const order = { ...input, sshKeyIds: input.sshKeyIds ?? [] };
    return toServerPayload(await ctx.useCases.servers.orderServer(order, ctx), ctx);
  }
}
