import type { WebhookEventType } from "@peykarband/domain";
import { ArrayMaxSize, MaxLength } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { WebhookEventTypeEnum } from "./webhook-enums.ts";

@InputType("CreateWebhookEndpointInput", { description: "Where to POST your events, and which ones." })
export class CreateWebhookEndpointInput {
  @Field(() => String, {
    description: "An http(s) URL without credentials, up to 2048 characters, on a public address.",
  })
  @MaxLength(2048)
  url!: string;

  @Field(() => [WebhookEventTypeEnum], { description: "The events to receive: one or more." })
  @ArrayMaxSize(16)
  events!: WebhookEventType[];
}

@InputType("DeleteWebhookEndpointInput", { description: "The webhook endpoint to delete." })
export class DeleteWebhookEndpointInput {
  @GlobalIdField("WebhookEndpoint", { description: "The endpoint's id (WebhookEndpoint.id)." })
  endpointId!: LocalId<"WebhookEndpoint">;
}

@InputType("RedeliverWebhookInput", { description: "The delivery to send again." })
export class RedeliverWebhookInput {
  @GlobalIdField("WebhookDelivery", { description: "The delivery's id (WebhookDelivery.id)." })
  deliveryId!: LocalId<"WebhookDelivery">;
}

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @GlobalIdField("WebhookEndpoint", {
    description: "The endpoint whose deliveries to list (WebhookEndpoint.id).",
  })
  endpointId!: LocalId<"WebhookEndpoint">;
}
