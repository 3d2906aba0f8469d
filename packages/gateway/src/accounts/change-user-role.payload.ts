import { CHANGE_USER_ROLE_ERROR_CODES, type ChangeUserRoleErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { UserType } from "./user.type.ts";

const ChangeUserRoleUserError = defineUserError("ChangeUserRole", CHANGE_USER_ROLE_ERROR_CODES);

@ObjectType("ChangeUserRolePayload", { description: "The result of `changeUserRole`." })
export class ChangeUserRolePayload {
  @Field(() => UserType, { nullable: true, description: "The user with the new role; null on failure." })
  user!: UserType | null;

  @Field(() => [ChangeUserRoleUserError], { description: "Why the role was not changed; empty on success." })
  userErrors!: UserErrorView<ChangeUserRoleErrorCode>[];
}
