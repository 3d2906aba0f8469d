import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { ServerType } from "./server.type.ts";

@ObjectType("ServerEdge", { description: "A server and its cursor." })
export class ServerEdgeType {
  @Field(() => String, { description: "Opaque position of this server, for `after` or `before`." })
  cursor!: string;

  @Field(() => ServerType, { description: "The server." })
  node!: ServerType;
}

@ObjectType("ServerConnection", { description: "A page of servers, newest first." })
export class ServerConnectionType extends CountedConnectionType {
  @Field(() => [ServerEdgeType], { description: "The servers with their cursors." })
  edges!: ServerEdgeType[];

  @Field(() => [ServerType], { description: "The servers, when cursors are not needed." })
  nodes!: ServerType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
