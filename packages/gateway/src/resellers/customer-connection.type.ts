import { Field, ObjectType } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";

@ObjectType("CustomerEdge", { description: "A customer and its cursor." })
export class CustomerEdgeType {
  @Field(() => String, { description: "Opaque position of this customer, for `after` or `before`." })
  cursor!: string;

  @Field(() => UserType, { description: "The customer." })
  node!: UserType;
}

@ObjectType("CustomerConnection", { description: "A page of your customers, newest first." })
export class CustomerConnectionType extends CountedConnectionType {
  @Field(() => [CustomerEdgeType], { description: "The customers with their cursors." })
  edges!: CustomerEdgeType[];

  @Field(() => [UserType], { description: "The customers, when cursors are not needed." })
  nodes!: UserType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
