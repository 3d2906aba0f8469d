import type { OrderServerErrorCode } from "@peykarband/application";
import { domainError } from "@peykarband/domain";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { keyOf } from "../schema/node/global-id.ts";
import { toUserErrors } from "../schema/user-errors/to-user-errors.ts";
import { OrderServerInput } from "./order-server.input.ts";
import { OrderServerPayload } from "./order-server.payload.ts";
import type { ServerPayloadView } from "./server-payload.factory.ts";
import { ServerType } from "./server.type.ts";

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
    const sshKeyIds = (input.sshKeyIds ?? []).map((id) => keyOf(id, "SshKey"));
    const unknown = sshKeyIds.indexOf(null);
    if (unknown >= 0) {
      const error = domainError("SSH_KEY_NOT_FOUND", "No SSH key of yours has this id.", [
        "sshKeyIds",
        String(unknown),
      ]);
      return { server: null, userErrors: toUserErrors(error, ctx) };
    }
    const result = await ctx.servers.orderServer(
      {
        name: input.name,
        planId: input.planId,
        regionId: input.regionId,
        imageId: input.imageId,
        sshKeyIds: sshKeyIds as string[],
        idempotencyKey: input.idempotencyKey,
      },
      ctx,
    );
    return result.ok
      ? { server: ServerType.from(result.value.server), userErrors: [] }
      : { server: null, userErrors: toUserErrors(result.error, ctx) };
  }
}
