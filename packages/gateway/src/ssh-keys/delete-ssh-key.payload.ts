import { DELETE_SSH_KEY_ERROR_CODES, type DeleteSshKeyErrorCode } from "@peykarband/application";
import { Field, ID, ObjectType } from "type-graphql";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";

const DeleteSshKeyUserError = defineUserError("DeleteSshKey", DELETE_SSH_KEY_ERROR_CODES);

@ObjectType("DeleteSshKeyPayload", { description: "The result of `deleteSshKey`." })
export class DeleteSshKeyPayload {
  @Field(() => ID, { nullable: true, description: "The id of the key removed; null on failure." })
  deletedSshKeyId!: string | null;

  @Field(() => [DeleteSshKeyUserError], { description: "Why the key was not removed; empty on success." })
  userErrors!: UserErrorView<DeleteSshKeyErrorCode>[];
}
