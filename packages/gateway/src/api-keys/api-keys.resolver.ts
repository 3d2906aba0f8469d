import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { ApiKeyConnectionType } from "./api-key-connection.type.ts";
import { ApiKeyType } from "./api-key.type.ts";
import { CreateApiKeyInput } from "./create-api-key.input.ts";
import { CreateApiKeyPayload } from "./create-api-key.payload.ts";
import { RevokeApiKeyInput } from "./revoke-api-key.input.ts";
import { RevokeApiKeyPayload } from "./revoke-api-key.payload.ts";

@Requires("SIGNED_IN")
@Resolver()
export class ApiKeysResolver {
  @Query(() => ApiKeyConnectionType, { description: "Your API keys, newest first, revoked ones included." })
  async apiKeys(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiKeyConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const page = await ctx.useCases.accounts.apiKeys(request, ctx);
    return connectionOf(
      page.keys,
      { cursor: (key) => toKeysetCursor(key), node: (key) => ApiKeyType.from(key) },
      page,
      request,
    );
  }

  @Mutation(() => CreateApiKeyPayload, {
    description:
      "Creates an API key acting as you with only the given scopes, and returns its secret this once. Audited.",
  })
  async createApiKey(
    @Arg("input", () => CreateApiKeyInput, { description: "The key's name and scopes." })
    input: CreateApiKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<CreateApiKeyPayload>> {
    return toPayload(await ctx.useCases.accounts.createApiKey(input, ctx), ctx, (created) => ({
      apiKey: ApiKeyType.from(created.apiKey),
      secret: created.secret,
    }));
  }

  @Mutation(() => RevokeApiKeyPayload, {
    description: "Revokes one of your API keys: every gateway refuses it from the next request on. Audited.",
  })
  async revokeApiKey(
    @Arg("input", () => RevokeApiKeyInput, { description: "The key." }) input: RevokeApiKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<RevokeApiKeyPayload>> {
    return toPayload(await ctx.useCases.accounts.revokeApiKey(input, ctx), ctx, (revoked) => ({
      apiKey: ApiKeyType.from(revoked.apiKey),
    }));
  }
}
