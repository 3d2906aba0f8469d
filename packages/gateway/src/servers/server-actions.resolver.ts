import type {
  RebuildServerErrorCode,
  ResizeServerErrorCode,
  ServerActionErrorCode,
} from "@peykarband/application";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
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
import { toServerPayload, type ServerPayloadView } from "./server-payload.factory.ts";

/** The lifecycle of a server after its order. Each queues a durable job and answers at once. */
@Requires("SIGNED_IN")
@Resolver()
export class ServerActionsResolver {
  @Mutation(() => PowerOffServerPayload, {
    description: "Powers an ACTIVE server off (status OFF when done). Billing continues while it is off.",
  })
  async powerOffServer(
    @Arg("input", () => PowerOffServerInput, { description: "The server." })
    input: InstanceType<typeof PowerOffServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return toServerPayload(await ctx.useCases.servers.powerOffServer(input, ctx), ctx);
  }

  @Mutation(() => PowerOnServerPayload, { description: "Powers an OFF server on (status ACTIVE when done)." })
  async powerOnServer(
    @Arg("input", () => PowerOnServerInput, { description: "The server." })
    input: InstanceType<typeof PowerOnServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return toServerPayload(await ctx.useCases.servers.powerOnServer(input, ctx), ctx);
  }

  @Mutation(() => RebootServerPayload, {
    description: "Restarts an ACTIVE server (status REBOOTING, then ACTIVE).",
  })
  async rebootServer(
    @Arg("input", () => RebootServerInput, { description: "The server." })
    input: InstanceType<typeof RebootServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return toServerPayload(await ctx.useCases.servers.rebootServer(input, ctx), ctx);
  }

  @Mutation(() => RebuildServerPayload, {
    description:
      "Rewrites an ACTIVE or OFF server's disk with a fresh image (status REBUILDING). Everything on the disk is lost; the IP addresses stay.",
  })
  async rebuildServer(
    @Arg("input", () => RebuildServerInput, { description: "The server and the image." })
    input: RebuildServerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<RebuildServerErrorCode>> {
    return toServerPayload(await ctx.useCases.servers.rebuildServer(input, ctx), ctx);
  }

  @Mutation(() => ResizeServerPayload, {
    description:
      "Moves an ACTIVE or OFF server to another plan of its provider (status RESIZING). The new plan's price applies from then on.",
  })
  async resizeServer(
    @Arg("input", () => ResizeServerInput, { description: "The server and the new plan." })
    input: ResizeServerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ResizeServerErrorCode>> {
    return toServerPayload(await ctx.useCases.servers.resizeServer(input, ctx), ctx);
  }

  @Mutation(() => DeleteServerPayload, {
    description:
      "Deletes a server for good (status DELETING, then DELETED): billing stops and the provider's machine and disk are destroyed. The server stays listed as DELETED.",
  })
  async deleteServer(
    @Arg("input", () => DeleteServerInput, { description: "The server." })
    input: InstanceType<typeof DeleteServerInput>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerPayloadView<ServerActionErrorCode>> {
    return toServerPayload(await ctx.useCases.servers.deleteServer(input, ctx), ctx);
  }
}
