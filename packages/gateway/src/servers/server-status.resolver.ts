import { GraphQLError } from "graphql";
import { Args, Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { ServerStatusChangedArgs } from "./server-status-changed.args.ts";
import { ServerStatusEventType, type ServerStatusEventSource } from "./server-status-event.type.ts";
import { serverStatusEvents } from "./server-status-stream.ts";

/** The same answer for a malformed id, another type's id, a missing server and someone else's. */
const serverNotFound = () =>
  new GraphQLError("No such server, or it is not yours.", { extensions: { code: "NOT_FOUND" } });

/**
 * Authorized once, at subscribe time (`@Requires` wraps this function): access is checked by the
 * use case, which reads the opening state only after the feed is subscribed, so no change falls
 * between the two.
 */
async function subscribe({
  args,
  context: ctx,
}: SubscribeResolverData<unknown, ServerStatusChangedArgs, GraphQLContext>) {
  const release = ctx.subscriptionSlots?.take();
  if (release === null) {
    throw new GraphQLError(
      `At most ${ctx.subscriptionSlots!.limit} subscriptions per connection: complete one, or watch every server at once by leaving serverId out.`,
      { extensions: { code: "TOO_MANY_SUBSCRIPTIONS" } },
    );
  }
  try {
    const watched = await ctx.useCases.servers.serverStatusChanged({ serverId: args.serverId ?? null }, ctx);
    if (!watched.ok) throw serverNotFound();
    return serverStatusEvents(watched.value, release ?? (() => {}));
  } catch (error) {
    release?.();
    throw error;
  }
}

@Resolver()
export class ServerStatusResolver {
  @Requires("SIGNED_IN")
  @Subscription(() => ServerStatusEventType, {
    subscribe,
    description:
      "Live status of one server, or of every server of yours when serverId is omitted. Opens with one event per server giving its current status (previousStatus null), then sends every change. Errors: NOT_FOUND for a server you may not see; TOO_MANY_SUBSCRIPTIONS past the limit per connection.",
  })
  async serverStatusChanged(
    @Root() event: ServerStatusEventSource,
    @Args(() => ServerStatusChangedArgs) _args: ServerStatusChangedArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerStatusEventType> {
    let server = event.server;
    if (server === null) {
      // A subscription's context lives as long as the socket: drop what the loader remembers.
      server = await ctx.loaders.server.clear(event.serverId).load(event.serverId);
      if (server === null) throw serverNotFound();
    }
    return ServerStatusEventType.from(event, server);
  }
}
