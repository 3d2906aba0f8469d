import { GraphQLError } from "graphql";
import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { keyOf } from "../schema/node/global-id.ts";
import { ServerStatusEventType, type ServerStatusEventSource } from "./server-status-event.type.ts";
import { serverStatusEvents } from "./server-status-stream.ts";
import { ServerType } from "./server.type.ts";

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
}: SubscribeResolverData<unknown, { serverId?: string | null }, GraphQLContext>) {
  let serverId: string | null = null;
  if (args.serverId != null) {
    serverId = keyOf(args.serverId, "Server");
    if (serverId === null) throw serverNotFound();
  }
  const release = ctx.subscriptionSlots?.take();
  if (release === null) {
    throw new GraphQLError(
      `At most ${ctx.subscriptionSlots!.limit} subscriptions per connection: complete one, or watch every server at once by leaving serverId out.`,
      { extensions: { code: "TOO_MANY_SUBSCRIPTIONS" } },
    );
  }
  try {
    const watched = await ctx.servers.watchServerStatus({ serverId }, ctx);
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
    @Arg("serverId", () => ID, {
      nullable: true,
      description: "The server to watch (`Server.id`); every server of yours when omitted.",
    })
    _serverId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServerStatusEventType> {
    let server = event.server;
    if (server === null) {
      // A subscription's context lives as long as the socket: drop what the loader remembers.
      server = await ctx.loaders.server.clear(event.serverId).load(event.serverId);
      if (server === null) throw serverNotFound();
    }
    return Object.assign(new ServerStatusEventType(), {
      server: ServerType.from(server),
      status: event.status,
      previousStatus: event.previousStatus,
      occurredAt: event.occurredAt,
    });
  }
}
