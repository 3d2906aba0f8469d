import { ADD_SSH_KEY_ERROR_CODES, type AddSshKeyErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { SshKeyType } from "./ssh-key.type.ts";

const AddSshKeyUserError = defineUserError("AddSshKey", ADD_SSH_KEY_ERROR_CODES);

@ObjectType("AddSshKeyPayload", { description: "The result of `addSshKey`." })
export class AddSshKeyPayload {
  @Field(() => SshKeyType, { nullable: true, description: "The key as stored; null on failure." })
  sshKey!: SshKeyType | null;

  @Field(() => [AddSshKeyUserError], { description: "Why the key was not added; empty on success." })
  userErrors!: UserErrorView<AddSshKeyErrorCode>[];
}
