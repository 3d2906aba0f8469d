import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("DeleteSshKeyInput", { description: "The key to remove from your account." })
export class DeleteSshKeyInput {
  @Field(() => ID, { description: "The key's global id (`SshKey.id`)." })
  @MaxLength(TEXT_LIMITS.id)
  sshKeyId!: string;
}
