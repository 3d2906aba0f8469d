import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { PaymentType } from "./payment.type.ts";

@ObjectType("PaymentEdge", { description: "A payment and its cursor." })
export class PaymentEdgeType {
  @Field(() => String, { description: "Opaque position of this payment, for `after` or `before`." })
  cursor!: string;

  @Field(() => PaymentType, { description: "The payment." })
  node!: PaymentType;
}

@ObjectType("PaymentConnection", { description: "A page of payments, newest first." })
export class PaymentConnectionType extends CountedConnectionType {
  @Field(() => [PaymentEdgeType], { description: "The payments with their cursors." })
  edges!: PaymentEdgeType[];

  @Field(() => [PaymentType], { description: "The payments, when cursors are not needed." })
  nodes!: PaymentType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
