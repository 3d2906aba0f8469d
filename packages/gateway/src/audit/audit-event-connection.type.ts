import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { AuditEventType } from "./audit-event.type.ts";

@ObjectType("AuditEventEdge", { description: "An audit event and its cursor." })
export class AuditEventEdgeType {
  @Field(() => String, { description: "Opaque position of this event, for `after` or `before`." })
  cursor!: string;

  @Field(() => AuditEventType, { description: "The event." })
  node!: AuditEventType;
}

@ObjectType("AuditEventConnection", { description: "A page of audit events, newest first." })
export class AuditEventConnectionType extends CountedConnectionType {
  @Field(() => [AuditEventEdgeType], { description: "The events with their cursors." })
  edges!: AuditEventEdgeType[];

  @Field(() => [AuditEventType], { description: "The events, when cursors are not needed." })
  nodes!: AuditEventType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
