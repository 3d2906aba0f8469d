import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { UserType } from "./user.type.ts";

@ObjectType("UserEdge", { description: "An account and its cursor." })
export class UserEdgeType {
  @Field(() => String, { description: "Opaque position of this account, for `after` or `before`." })
  cursor!: string;

  @Field(() => UserType, { description: "The account." })
  node!: UserType;
}

@ObjectType("UserConnection", { description: "A page of accounts, newest first." })
export class UserConnectionType extends CountedConnectionType {
  @Field(() => [UserEdgeType], { description: "The accounts with their cursors." })
  edges!: UserEdgeType[];

  @Field(() => [UserType], { description: "The accounts, when cursors are not needed." })
  nodes!: UserType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
