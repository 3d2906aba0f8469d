import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toGlobalId } from "../schema/node/global-id.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { AddSshKeyInput } from "./add-ssh-key.input.ts";
import { AddSshKeyPayload } from "./add-ssh-key.payload.ts";
import { DeleteSshKeyInput } from "./delete-ssh-key.input.ts";
import { DeleteSshKeyPayload } from "./delete-ssh-key.payload.ts";
import { SshKeyType } from "./ssh-key.type.ts";

@Requires("SIGNED_IN")
@Resolver()
export class SshKeysResolver {
  @Query(() => [SshKeyType], {
    description: "Your SSH keys, newest first. An account holds a limited number.",
  })
  async sshKeys(@Ctx() ctx: GraphQLContext): Promise<SshKeyType[]> {
    return (await ctx.useCases.servers.sshKeys(ctx)).map((key) => SshKeyType.from(key));
  }

  @Mutation(() => AddSshKeyPayload, {
    description:
      "Keeps a public key in your account, to put on servers you order. Servers running already are not changed.",
  })
  async addSshKey(
    @Arg("input", () => AddSshKeyInput, { description: "The key and its name." }) input: AddSshKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<AddSshKeyPayload>> {
    return toPayload(await ctx.useCases.servers.addSshKey(input, ctx), ctx, (added) => ({
      sshKey: SshKeyType.from(added.sshKey),
    }));
  }

  @Mutation(() => DeleteSshKeyPayload, {
    description:
      "Removes a key from your account. Servers that have it keep it: remove it on the server too.",
  })
  async deleteSshKey(
    @Arg("input", () => DeleteSshKeyInput, { description: "The key." }) input: DeleteSshKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<DeleteSshKeyPayload>> {
    return toPayload(await ctx.useCases.servers.deleteSshKey(input, ctx), ctx, (deleted) => ({
      deletedSshKeyId: toGlobalId("SshKey", deleted.sshKeyId),
    }));
  }
}
