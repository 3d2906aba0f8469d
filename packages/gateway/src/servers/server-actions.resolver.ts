import type {
  RebuildServerErrorCode,
  ResizeServerErrorCode,
  ServerActionErrorCode,
} from "@peykarband/application";
import type { DomainError, Result, Server } from "@peykarband/domain";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toUserErrors } from "../schema/user-errors/to-user-errors.ts";
import { RebuildServerInput } from "./rebuild-server.input.ts";
import { ResizeServerInput } from "./resize-server.input.ts";
import {
  DeleteServerInput,
  PowerOffServerInput,
  PowerOnServerInput,
  RebootServerInput,
} from "./server-action.input.ts";
import {
  DeleteServerPayload,
  PowerOffServerPayload,
  PowerOnServerPayload,
  RebootServerPayload,
  RebuildServerPayload,
  ResizeServerPayload,
} from "./server-action.payloads.ts";
import type { ServerPayloadView } from "./server-payload.factory.ts";
import { ServerType } from "./server.type.ts";

type ActionCode = ServerActionErrorCode | RebuildServerErrorCode | ResizeServerErrorCode;

async function actOn<C extends ActionCode>(
  serverId: string,
  ctx: GraphQLContext,
  run: (serverId: string) => Promise<Result<{ server: Server }, DomainError<C>>>,
): Promise<ServerPayloadView<C>> {
  const result = await run(serverId);
  if (result.ok) return { server: ServerType.from(result.value.server), userErrors: [] };
  return { server: null, userErrors: toUserErrors(result.error, ctx) };
}

/** The lifecycle of a server after its order. Each queues a durable job and answers at once. */
@Requires("SIGNED_IN")
@Resolver()
export class ServerActionsResolver {
  @Mutation(() => PowerOffServerPayload, {
    description: "Powers an ACTIVE server off (status OFF when done). Billing continues while it is off.",
  })
  powerOffServer(
    @Arg("input", () => PowerOffServerInput, { description: "The server." })
    input: InstanceType<typeof PowerOffServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return actOn(input.serverId, ctx, (serverId) => ctx.servers.powerOffServer({ serverId }, ctx));
  }

  @Mutation(() => PowerOnServerPayload, { description: "Powers an OFF server on (status ACTIVE when done)." })
  powerOnServer(
    @Arg("input", () => PowerOnServerInput, { description: "The server." })
    input: InstanceType<typeof PowerOnServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return actOn(input.serverId, ctx, (serverId) => ctx.servers.powerOnServer({ serverId }, ctx));
  }

  @Mutation(() => RebootServerPayload, {
    description: "Restarts an ACTIVE server (status REBOOTING, then ACTIVE).",
  })
  rebootServer(
    @Arg("input", () => RebootServerInput, { description: "The server." })
    input: InstanceType<typeof RebootServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return actOn(input.serverId, ctx, (serverId) => ctx.servers.rebootServer({ serverId }, ctx));
  }

  @Mutation(() => RebuildServerPayload, {
    description:
      "Rewrites an ACTIVE or OFF server's disk with a fresh image (status REBUILDING). Everything on the disk is lost; the IP addresses stay.",
  })
  rebuildServer(
    @Arg("input", () => RebuildServerInput, { description: "The server and the image." })
    input: RebuildServerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<RebuildServerErrorCode>> {
    return actOn(input.serverId, ctx, (serverId) =>
      ctx.servers.rebuildServer({ serverId, imageId: input.imageId }, ctx),
    );
  }

  @Mutation(() => ResizeServerPayload, {
    description:
      "Moves an ACTIVE or OFF server to another plan of its provider (status RESIZING). The new plan's price applies from then on.",
  })
  resizeServer(
    @Arg("input", () => ResizeServerInput, { description: "The server and the new plan." })
    input: ResizeServerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ResizeServerErrorCode>> {
    return actOn(input.serverId, ctx, (serverId) =>
      ctx.servers.resizeServer({ serverId, planId: input.planId }, ctx),
    );
  }

  @Mutation(() => DeleteServerPayload, {
    description:
      "Deletes a server for good (status DELETING, then DELETED): billing stops and the provider's machine and disk are destroyed. The server stays listed as DELETED.",
  })
  deleteServer(
    @Arg("input", () => DeleteServerInput, { description: "The server." })
    input: InstanceType<typeof DeleteServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return actOn(input.serverId, ctx, (serverId) => ctx.servers.deleteServer({ serverId }, ctx));
  }
}
