import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { WebhookDeliveryType } from "./webhook-delivery.type.ts";
import { WebhookEndpointType } from "./webhook-endpoint.type.ts";

@ObjectType("WebhookEndpointEdge", { description: "A webhook endpoint and its cursor." })
export class WebhookEndpointEdgeType {
  @Field(() => String, { description: "Opaque position of this endpoint, for `after` or `before`." })
  cursor!: string;

  @Field(() => WebhookEndpointType, { description: "The endpoint." })
  node!: WebhookEndpointType;
}

@ObjectType("WebhookEndpointConnection", { description: "A page of your webhook endpoints, newest first." })
export class WebhookEndpointConnectionType extends CountedConnectionType {
  @Field(() => [WebhookEndpointEdgeType], { description: "The endpoints with their cursors." })
  edges!: WebhookEndpointEdgeType[];

  @Field(() => [WebhookEndpointType], { description: "The endpoints, when cursors are not needed." })
  nodes!: WebhookEndpointType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}

@ObjectType("WebhookDeliveryEdge", { description: "A webhook delivery and its cursor." })
export class WebhookDeliveryEdgeType {
  @Field(() => String, { description: "Opaque position of this delivery, for `after` or `before`." })
  cursor!: string;

  @Field(() => WebhookDeliveryType, { description: "The delivery." })
  node!: WebhookDeliveryType;
}

@ObjectType("WebhookDeliveryConnection", { description: "A page of an endpoint's deliveries, newest first." })
export class WebhookDeliveryConnectionType extends CountedConnectionType {
  @Field(() => [WebhookDeliveryEdgeType], { description: "The deliveries with their cursors." })
  edges!: WebhookDeliveryEdgeType[];

  @Field(() => [WebhookDeliveryType], { description: "The deliveries, when cursors are not needed." })
  nodes!: WebhookDeliveryType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
