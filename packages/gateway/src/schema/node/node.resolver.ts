import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Requires } from "../../auth/requires.decorator.ts";
import { missingScope, NODE_SCOPES } from "../../auth/scope-rules.ts";
import type { GraphQLContext } from "../../context/graphql-context.ts";
import { fromGlobalId } from "./global-id.ts";
import { NodeInterface } from "./node.interface.ts";
import { NODE_READERS } from "./node-readers.ts";

@Resolver()
export class NodeResolver {
  @Requires("PUBLIC")
  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "Any object by its global id, with the same visibility as the typed queries: null when it does not exist, is not visible to you, or the id is not ours.",
  })
  async node(
    @Arg("id", () => ID, { description: "A global id from any `id` field." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NodeInterface | null> {
    const decoded = fromGlobalId(id);
    const read = decoded && NODE_READERS[decoded.type];
    if (!decoded || !read) return null;
    const apiKey = ctx.viewer?.apiKey;
    if (apiKey && missingScope(NODE_SCOPES[decoded.type], apiKey.scopes) !== undefined) return null;
    return read(decoded.key, ctx);
  }
}
