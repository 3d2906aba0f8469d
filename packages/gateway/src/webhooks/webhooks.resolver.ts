import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { WebhookDeliveryConnectionType, WebhookEndpointConnectionType } from "./webhook-connections.type.ts";
import { WebhookDeliveryType } from "./webhook-delivery.type.ts";
import { WebhookEndpointType } from "./webhook-endpoint.type.ts";
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  RedeliverWebhookInput,
  WebhookDeliveriesArgs,
} from "./webhook-inputs.ts";
import {
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  RedeliverWebhookPayload,
} from "./webhook-payloads.ts";

@Requires("SIGNED_IN")
@Resolver()
export class WebhooksResolver {
  @Query(() => WebhookEndpointConnectionType, { description: "Your webhook endpoints, newest first." })
  async webhookEndpoints(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpointConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const page = await ctx.useCases.webhooks.webhookEndpoints(request, ctx);
    const view = { cursor: toKeysetCursor, node: WebhookEndpointType.from };
    return connectionOf(page.endpoints, view, page, request);
  }

  @Query(() => WebhookDeliveryConnectionType, {
    description: "The deliveries of one of your webhook endpoints, newest first; empty for anyone else's.",
  })
  async webhookDeliveries(
    @Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookDeliveryConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const page = await ctx.useCases.webhooks.webhookDeliveries(
      { endpointId: args.endpointId, page: request },
      ctx,
    );
    const view = { cursor: toKeysetCursor, node: WebhookDeliveryType.from };
    return connectionOf(page.deliveries, view, page, request);
  }

  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      "Creates a webhook endpoint for your events and returns its signing secret this once. The URL must reach a public address (loopback too in the sandbox). Audited.",
  })
  async createWebhookEndpoint(
    @Arg("input", () => CreateWebhookEndpointInput, { description: "The URL and events." })
    input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<CreateWebhookEndpointPayload>> {
    return toPayload(await ctx.useCases.webhooks.createWebhookEndpoint(input, ctx), ctx, (created) => ({
      webhookEndpoint: WebhookEndpointType.from(created.endpoint),
      secret: created.secret,
    }));
  }

  @Mutation(() => DeleteWebhookEndpointPayload, {
    description:
      "Deletes one of your webhook endpoints and its deliveries: nothing more is sent to it. Audited.",
  })
  async deleteWebhookEndpoint(
    @Arg("input", () => DeleteWebhookEndpointInput, { description: "The endpoint." })
    input: DeleteWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<DeleteWebhookEndpointPayload>> {
    return toPayload(await ctx.useCases.webhooks.deleteWebhookEndpoint(input, ctx), ctx, (deleted) => ({
      webhookEndpoint: WebhookEndpointType.from(deleted.endpoint),
    }));
  }

  @Mutation(() => RedeliverWebhookPayload, {
    description:
      "Sends one of your deliveries again, as a new delivery with the same body and event id, retried like any other. Audited.",
  })
  async redeliverWebhook(
    @Arg("input", () => RedeliverWebhookInput, { description: "The delivery." }) input: RedeliverWebhookInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<RedeliverWebhookPayload>> {
    return toPayload(await ctx.useCases.webhooks.redeliverWebhook(input, ctx), ctx, (sent) => ({
      delivery: WebhookDeliveryType.from(sent.delivery),
    }));
  }
}
