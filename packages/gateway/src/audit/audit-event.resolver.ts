import type { AuditEvent } from "@peykarband/domain";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { AuditEventConnectionType } from "./audit-event-connection.type.ts";
import { AuditEventType } from "./audit-event.type.ts";
import { AuditEventsArgs } from "./audit-events.args.ts";

/** Audit events are ordered by when they occurred: the shared keyset cursor, keyed on that time. */
function auditPosition(cursor: string) {
  const position = fromKeysetCursor(cursor);
  return position && { occurredAt: position.createdAt, id: position.id };
}

const AUDIT_EDGES = {
  cursor: (event: AuditEvent) => toKeysetCursor({ createdAt: event.occurredAt, id: event.id }),
  node: (event: AuditEvent) => AuditEventType.from(event),
};

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @Requires(["ADMIN"])
  @Query(() => AuditEventConnectionType, {
    description: "The security audit log, newest first, optionally only one user's events.",
  })
  async auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: GraphQLContext) {
    const request = readPageArgs(args, auditPosition);
    const filter = { actorId: args.actorId, subjectId: args.subjectId };
    const page = await ctx.useCases.accounts.auditEvents({ ...request, ...filter }, ctx);
    return connectionOf(page.events, AUDIT_EDGES, page, request);
  }

  @FieldResolver(() => UserType, { nullable: true, description: "Who acted, when known and visible to you." })
  async actor(@Root() event: AuditEventType, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    const user = event.actorId ? await ctx.loaders.user.load(event.actorId) : null;
    return user ? UserType.from(user) : null;
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: "Whom the event is about, when known and visible to you.",
  })
  async subject(@Root() event: AuditEventType, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    const user = event.subjectId ? await ctx.loaders.user.load(event.subjectId) : null;
    return user ? UserType.from(user) : null;
  }
}
