import type { RequestContext } from "@peykarband/application";
import type { User } from "@peykarband/domain";
import type { GraphQLUseCases } from "./graphql-context.ts";
import { createServerLoaders, type ServerLoaders } from "./server-loaders.ts";
import { createUserLoaders, type UserLoaders } from "./user-loaders.ts";

/**
 * An operation's DataLoaders, made when a resolver first asks for one: most operations use none
 * of the five, which were made for every request before (per profile, ~1 % of a `viewer`
 * request's CPU). Each getter returns the same loader for the whole operation.
 */
export class RequestLoaders implements UserLoaders, ServerLoaders {
  private users: UserLoaders | undefined;
  private servers: ServerLoaders | undefined;

  constructor(
    private readonly useCases: Pick<GraphQLUseCases, "accounts" | "servers">,
    private readonly ctx: RequestContext,
    /** The signed-in user, primed into the user loader: a resolver loading the viewer needs no read. */
    private readonly viewerUser: User | null,
  ) {}

  get user(): UserLoaders["user"] {
    if (!this.users) {
      this.users = createUserLoaders(this.useCases.accounts, this.ctx);
      if (this.viewerUser) this.users.user.prime(this.viewerUser.id, this.viewerUser);
    }
    return this.users.user;
  }

  get plan(): ServerLoaders["plan"] {
    return this.serverLoaders().plan;
  }

  get region(): ServerLoaders["region"] {
    return this.serverLoaders().region;
  }

  get image(): ServerLoaders["image"] {
    return this.serverLoaders().image;
  }

  get server(): ServerLoaders["server"] {
    return this.serverLoaders().server;
  }

  private serverLoaders(): ServerLoaders {
    return (this.servers ??= createServerLoaders(this.useCases.servers, this.ctx));
  }
}
