import {
  CREATE_WEBHOOK_ENDPOINT_ERROR_CODES,
  DELETE_WEBHOOK_ENDPOINT_ERROR_CODES,
  REDELIVER_WEBHOOK_ERROR_CODES,
  type CreateWebhookEndpointErrorCode,
  type DeleteWebhookEndpointErrorCode,
  type RedeliverWebhookErrorCode,
} from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { WebhookDeliveryType } from "./webhook-delivery.type.ts";
import { WebhookEndpointType } from "./webhook-endpoint.type.ts";

const CreateWebhookEndpointUserError = defineUserError(
  "CreateWebhookEndpoint",
  CREATE_WEBHOOK_ENDPOINT_ERROR_CODES,
);
const DeleteWebhookEndpointUserError = defineUserError(
  "DeleteWebhookEndpoint",
  DELETE_WEBHOOK_ENDPOINT_ERROR_CODES,
);
const RedeliverWebhookUserError = defineUserError("RedeliverWebhook", REDELIVER_WEBHOOK_ERROR_CODES);

@ObjectType("CreateWebhookEndpointPayload", { description: "The result of `createWebhookEndpoint`." })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointType, {
    nullable: true,
    description: "The endpoint as stored; null on failure.",
  })
  webhookEndpoint!: WebhookEndpointType | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The signing secret (`whsec_…`) for `verifyWebhook`. Shown this once and never again: store it now. Null on failure.",
  })
  secret!: string | null;

  @Field(() => [CreateWebhookEndpointUserError], {
    description: "Why no endpoint was created; empty on success.",
  })
  userErrors!: UserErrorView<CreateWebhookEndpointErrorCode>[];
}

@ObjectType("DeleteWebhookEndpointPayload", { description: "The result of `deleteWebhookEndpoint`." })
export class DeleteWebhookEndpointPayload {
  @Field(() => WebhookEndpointType, {
    nullable: true,
    description: "The endpoint as it was; null on failure.",
  })
  webhookEndpoint!: WebhookEndpointType | null;

  @Field(() => [DeleteWebhookEndpointUserError], {
    description: "Why nothing was deleted; empty on success.",
  })
  userErrors!: UserErrorView<DeleteWebhookEndpointErrorCode>[];
}

@ObjectType("RedeliverWebhookPayload", { description: "The result of `redeliverWebhook`." })
export class RedeliverWebhookPayload {
  @Field(() => WebhookDeliveryType, {
    nullable: true,
    description: "The new delivery, PENDING; null on failure.",
  })
  delivery!: WebhookDeliveryType | null;

  @Field(() => [RedeliverWebhookUserError], { description: "Why nothing was sent again; empty on success." })
  userErrors!: UserErrorView<RedeliverWebhookErrorCode>[];
}
