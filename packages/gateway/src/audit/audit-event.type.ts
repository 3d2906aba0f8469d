import type { AuditAction, AuditEvent } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { NodeInterface } from "../schema/node/node.interface.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { AuditActionEnum } from "./audit-action.enum.ts";
import { AuditDetailType } from "./audit-detail.type.ts";

@ObjectType("AuditEvent", {
  implements: NodeInterface,
  description: "A security event from the append-only audit log.",
})
export class AuditEventType extends NodeInterface {
  @Field(() => AuditActionEnum, { description: "What happened." })
  action!: AuditAction;

  @Field(() => String, { nullable: true, description: "Client address of the request, when known." })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: "User-Agent of the request, when known." })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: "Request id, to find the matching log lines." })
  requestId!: string | null;

  @Field(() => [AuditDetailType], { description: "Non-secret facts about the event." })
  details!: AuditDetailType[];

  @Field(() => DateTimeScalar, { description: "When it happened." })
  occurredAt!: Date;

  /** Raw keys for the `actor` and `subject` field resolvers; not exposed. */
  actorId!: string | null;
  subjectId!: string | null;

  static from(event: AuditEvent): AuditEventType {
    return Object.assign(new AuditEventType(), {
      id: toGlobalId("AuditEvent", event.id),
      action: event.action,
      ip: event.ip,
      userAgent: event.userAgent,
      requestId: event.requestId,
      details: Object.entries(event.details).map(([key, value]) => ({ key, value })),
      occurredAt: event.occurredAt,
      actorId: event.actorId,
      subjectId: event.subjectId,
    });
  }
}
