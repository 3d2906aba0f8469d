import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { ApiKeyType } from "./api-key.type.ts";

@ObjectType("ApiKeyEdge", { description: "An API key and its cursor." })
export class ApiKeyEdgeType {
  @Field(() => String, { description: "Opaque position of this key, for `after` or `before`." })
  cursor!: string;

  @Field(() => ApiKeyType, { description: "The key." })
  node!: ApiKeyType;
}

@ObjectType("ApiKeyConnection", { description: "A page of your API keys, newest first." })
export class ApiKeyConnectionType extends CountedConnectionType {
  @Field(() => [ApiKeyEdgeType], { description: "The keys with their cursors." })
  edges!: ApiKeyEdgeType[];

  @Field(() => [ApiKeyType], { description: "The keys, when cursors are not needed." })
  nodes!: ApiKeyType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
