import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { InputType } from "type-graphql";

@InputType("DeleteSshKeyInput", { description: "The key to remove from your account." })
export class DeleteSshKeyInput {
  @GlobalIdField("SshKey", { description: "The key's global id (`SshKey.id`)." })
  sshKeyId!: LocalId<"SshKey">;
}
