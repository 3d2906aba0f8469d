import type { Server, ServerStatus } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { ServerStatusEnum } from "./server-status.enum.ts";
import { ServerType } from "./server.type.ts";

/** What the subscription's stream carries, before the server is read for the client. */
export interface ServerStatusEventSource {
  readonly serverId: string;
  readonly status: ServerStatus;
  readonly previousStatus: ServerStatus | null;
  readonly occurredAt: Date;
  /** The server as read for the opening events; changes carry none and read it at emit time. */
  readonly server: Server | null;
}

@ObjectType("ServerStatusEvent", {
  description: "A server's status, sent by `serverStatusChanged`: first its current state, then each change.",
})
export class ServerStatusEventType {
  @Field(() => ServerType, { description: "The server as stored when the event was sent." })
  server!: ServerType;

  @Field(() => ServerStatusEnum, { description: "The status the server is in, or moved to." })
  status!: ServerStatus;

  @Field(() => ServerStatusEnum, {
    nullable: true,
    description: "The status it moved from; null in the opening events, which report the current state.",
  })
  previousStatus!: ServerStatus | null;

  @Field(() => DateTimeScalar, {
    description: "When the change was stored; for an opening event, when the server last changed.",
  })
  occurredAt!: Date;

  static from(event: ServerStatusEventSource, server: Server): ServerStatusEventType {
    return Object.assign(new ServerStatusEventType(), {
      server: ServerType.from(server),
      status: event.status,
      previousStatus: event.previousStatus,
      occurredAt: event.occurredAt,
    });
  }
}
