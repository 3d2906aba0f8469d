import type { WebhookDelivery, WebhookDeliveryStatus, WebhookEventType } from "@peykarband/domain";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { WebhookDeliveryStatusEnum, WebhookEventTypeEnum } from "./webhook-enums.ts";

@ObjectType("WebhookDelivery", {
  description: "One event sent to one endpoint, with its last attempt's answer.",
})
export class WebhookDeliveryType {
  @Field(() => ID, {
    description: "Opaque global id, for `redeliverWebhook`; sent as `Peykarband-Delivery-Id`.",
  })
  id!: string;

  @Field(() => String, {
    description: "The event's id, the body's `id`: the same for a redelivery, so receivers can drop repeats.",
  })
  eventId!: string;

  @Field(() => WebhookEventTypeEnum, { description: "The event's type." })
  eventType!: WebhookEventType;

  @Field(() => String, { description: "The JSON body POSTed, exactly as signed." })
  body!: string;

  @Field(() => WebhookDeliveryStatusEnum, { description: "Where it stands." })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: "Attempts made so far." })
  attempts!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the last attempt was made; null before any.",
  })
  lastAttemptAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "The HTTP status the last attempt got; null before any, or when nothing answered.",
  })
  responseStatus!: number | null;

  @Field(() => Int, { nullable: true, description: "How long the last attempt took, in milliseconds." })
  responseTimeMs!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the last attempt got no answer (timeout, refused connection or address); null otherwise.",
  })
  lastError!: string | null;

  @Field(() => DateTimeScalar, { description: "When it was created: the event's time, or the redelivery's." })
  createdAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: "The delivery this one sends again (`redeliverWebhook`); null for the event's own.",
  })
  redeliveryOf!: string | null;

  static from(delivery: WebhookDelivery): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      ...delivery,
      id: toGlobalId("WebhookDelivery", delivery.id),
      redeliveryOf: delivery.redeliveryOf && toGlobalId("WebhookDelivery", delivery.redeliveryOf),
    });
  }
}
