import type { ServerStatus, ServerStatusChange } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { ServerStatusEnum } from "./server-status.enum.ts";

@ObjectType("ServerStatusChange", { description: "One step of a server's history." })
export class ServerStatusChangeType {
  @Field(() => ServerStatusEnum, { description: "The status the server moved to." })
  status!: ServerStatus;

  @Field(() => ServerStatusEnum, {
    nullable: true,
    description: "The status before; null for the order itself.",
  })
  previousStatus!: ServerStatus | null;

  @Field(() => String, {
    nullable: true,
    description: "Why, when known: for FAILED, the provider's message.",
  })
  reason!: string | null;

  @Field(() => DateTimeScalar, { description: "When the change was stored." })
  occurredAt!: Date;

  static from(change: ServerStatusChange): ServerStatusChangeType {
    return Object.assign(new ServerStatusChangeType(), {
      status: change.status,
      previousStatus: change.previousStatus,
      reason: change.reason,
      occurredAt: change.occurredAt,
    });
  }
}
