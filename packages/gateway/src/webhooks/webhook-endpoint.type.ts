import type { WebhookEndpoint, WebhookEventType } from "@peykarband/domain";
import { Field, ID, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { WebhookEventTypeEnum } from "./webhook-enums.ts";

@ObjectType("WebhookEndpoint", {
  description: "A URL your events are POSTed to, signed with its secret (shown once, at creation).",
})
export class WebhookEndpointType {
  @Field(() => ID, { description: "Opaque global id, for `webhookDeliveries` and `deleteWebhookEndpoint`." })
  id!: string;

  @Field(() => String, {
    description: "Where deliveries are POSTed (http or https; https outside the sandbox is wise).",
  })
  url!: string;

  @Field(() => [WebhookEventTypeEnum], { description: "The events it receives." })
  events!: WebhookEventType[];

  @Field(() => DateTimeScalar, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When it was disabled for failing every delivery for 24 hours; null while it receives events.",
  })
  disabledAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was disabled; null while enabled." })
  disabledReason!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Since when every attempt has failed; null while it answers. 24 hours of this disables it.",
  })
  failingSince!: Date | null;

  static from(endpoint: WebhookEndpoint): WebhookEndpointType {
    return Object.assign(new WebhookEndpointType(), {
      id: toGlobalId("WebhookEndpoint", endpoint.id),
      url: endpoint.url,
      events: [...endpoint.events],
      createdAt: endpoint.createdAt,
      disabledAt: endpoint.disabledAt,
      disabledReason: endpoint.disabledReason,
      failingSince: endpoint.failingSince,
    });
  }
}
